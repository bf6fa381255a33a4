package dev.relaygate.relay.judge;

import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * One environment's totals over a {@link Window}.
 *
 * @param latencyMs a private copy; treat as read-only
 * @param causes    the errors by cause, as far as the window's slices broke them down
 */
public record EnvironmentWindow(long requests, long errors, Histogram latencyMs, ErrorCauses causes) {

    public EnvironmentWindow {
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(causes, "causes");
    }

    public double errorRate() {
        return requests == 0 ? 0.0 : (double) errors / requests;
    }

    /** Latency samples in the window (may differ from {@link #requests()}: failures have none). */
    public long latencySamples() {
        return latencyMs.getTotalCount();
    }

    public double p99Ms() {
        return LatencyHistograms.percentileMs(latencyMs, 99.0);
    }
}
