package dev.relaygate.relay.metrics;

import dev.relaygate.relay.exchange.Environment;
import org.HdrHistogram.Histogram;

/**
 * What one environment recorded between two {@link EnvironmentMetrics#takeInterval()} calls.
 * The histograms (microseconds) are fresh copies owned by the receiver; treat them as read-only.
 */
public record IntervalSnapshot(
        Environment environment,
        Counts counts,
        Histogram latencyMicros,
        Histogram ttfbMicros,
        long startMillis,
        long endMillis) {

    public Percentiles latency() {
        return Percentiles.of(latencyMicros);
    }

    public Percentiles ttfb() {
        return Percentiles.of(ttfbMicros);
    }
}
