package dev.relaygate.relay.metrics;

import org.HdrHistogram.Histogram;

/** Summary of a latency histogram in microseconds. All zero when there are no samples. */
public record Percentiles(
        long samples, long p50Micros, long p95Micros, long p99Micros, long maxMicros, double meanMicros) {

    public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0.0);

    public static Percentiles of(Histogram histogram) {
        long n = histogram.getTotalCount();
        if (n == 0) {
            return EMPTY;
        }
        return new Percentiles(
                n,
                histogram.getValueAtPercentile(50.0),
                histogram.getValueAtPercentile(95.0),
                histogram.getValueAtPercentile(99.0),
                histogram.getMaxValue(),
                histogram.getMean());
    }

    public double p50Ms() {
        return p50Micros / 1000.0;
    }

    public double p95Ms() {
        return p95Micros / 1000.0;
    }

    public double p99Ms() {
        return p99Micros / 1000.0;
    }
}
