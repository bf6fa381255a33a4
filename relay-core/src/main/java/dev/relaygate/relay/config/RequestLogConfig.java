package dev.relaygate.relay.config;

/**
 * {@code request_log}: one JSON line per relayed request (no keys, no bodies), hourly files,
 * deleted past retention. Left out (or without {@code dir}): no request log.
 *
 * @param dir                  directory of {@code requests-yyyy-MM-dd-HH.jsonl} (and {@code rollout_events-*.jsonl}, {@code shadow-*.jsonl})
 * @param retentionHours       request files older than this are deleted (default 72)
 * @param shadowRetentionHours shadow files older than this are deleted (default 24)
 * @param queueCapacity        lines waiting for the writer thread; beyond it lines are dropped and counted
 */
public record RequestLogConfig(String dir, Long retentionHours, Long shadowRetentionHours, Integer queueCapacity) {

    public RequestLogConfig {
        dir = dir == null || dir.isBlank() ? null : dir;
        retentionHours = retentionHours == null ? 72 : retentionHours;
        shadowRetentionHours = shadowRetentionHours == null ? 24 : shadowRetentionHours;
        queueCapacity = queueCapacity == null ? 65_536 : queueCapacity;
    }

    public static RequestLogConfig none() {
        return new RequestLogConfig(null, null, null, null);
    }

    public boolean enabled() {
        return dir != null;
    }
}
