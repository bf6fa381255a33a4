package dev.relaygate.mock;

import java.util.Map;

/**
 * Snapshot of what a mock served since start or the last reset.
 *
 * @param total    requests WireMock completed (any status, including faults)
 * @param byStatus completed requests per HTTP status (faults excluded)
 * @param streams  completed responses with {@code Content-Type: text/event-stream}
 * @param faults   requests answered with a WireMock fault (connection reset)
 * @param aborted  responses the pass-through cut on purpose (MID_STREAM_ABORT)
 */
public record ServedCounts(long total, Map<Integer, Long> byStatus, long streams, long faults, long aborted) {

    public ServedCounts {
        byStatus = Map.copyOf(byStatus);
    }

    /** Count for one status, 0 when none. */
    public long status(int code) {
        return byStatus.getOrDefault(code, 0L);
    }

    /** Completed requests with status >= 400. */
    public long errors() {
        return byStatus.entrySet().stream()
                .filter(e -> e.getKey() >= 400)
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
