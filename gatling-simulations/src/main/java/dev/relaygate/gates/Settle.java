package dev.relaygate.gates;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Waits, before a gate's first control action, until the load has settled: the requests that started in
 * the last two whole seconds have a p99 under a limit. A cold JVM on a busy machine can carry a queue past
 * a fixed warm-up; a rollout started inside that queue would judge the machine, not the relay. The wait is
 * capped and reported as an event, so a machine that never settles is visible rather than hidden.
 */
public final class Settle {

    private Settle() {}

    /** Returns how long it waited, in ms. */
    public static long await(ObservationLog log, double p99LimitMs, Duration max) {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (settled(log, p99LimitMs, System.nanoTime())) {
                break;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return (System.nanoTime() - start) / 1_000_000L;
    }

    /** Requests started between 3 s and 1 s ago (all answered by now unless slow) have p99 < limit. */
    static boolean settled(ObservationLog log, double p99LimitMs, long nowNanos) {
        long from = nowNanos - Duration.ofSeconds(3).toNanos();
        long to = nowNanos - Duration.ofSeconds(1).toNanos();
        List<Observation> recent = log.select(o -> o.startNanos() - from >= 0 && o.startNanos() - to < 0);
        if (recent.size() < 20) {
            return false;
        }
        Histogram h = new Histogram(LatencyRecorder.HIGHEST_US, 3);
        // a request that got no answer is as slow as it gets, never a 0 ms one
        recent.forEach(o -> h.recordValue(
                o.answered()
                        ? Math.max(1, Math.min(o.latencyMs() * 1000, LatencyRecorder.HIGHEST_US))
                        : LatencyRecorder.HIGHEST_US));
        return h.getValueAtPercentile(99.0) / 1000.0 < p99LimitMs;
    }

    /**
     * Reads a counter that lags the traffic (a mock counts a request once it has answered it) until it holds
     * still for {@code quiet}, at most {@code max}; returns the last reading.
     */
    public static long counter(LongSupplier counter, Duration quiet, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        long last = counter.getAsLong();
        while (System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(quiet.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long now = counter.getAsLong();
            if (now == last) {
                break;
            }
            last = now;
        }
        return last;
    }
}
