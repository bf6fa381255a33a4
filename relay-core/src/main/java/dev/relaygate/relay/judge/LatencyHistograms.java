package dev.relaygate.relay.judge;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The judge's latency histogram layout and the two operations it needs on it.
 *
 * <p>Why a separate layout: the metrics recorders keep microseconds at 3 significant digits up to an
 * hour (~23k buckets), too wide to add and subtract every tick over a sliding window. The judge
 * works in milliseconds at 2 significant digits (1% resolution, ~2k buckets), which is plenty for
 * thresholds like {@code latency_p99_ms: 200}.
 */
public final class LatencyHistograms {

    /** One hour, in milliseconds; longer values are clamped. */
    public static final long HIGHEST_MS = 3_600_000L;

    private static final int SIGNIFICANT_DIGITS = 2;

    private LatencyHistograms() {}

    /** An empty histogram in the judge's layout. */
    public static Histogram newMillis() {
        return new Histogram(HIGHEST_MS, SIGNIFICANT_DIGITS);
    }

    /** Converts a microsecond histogram (the metrics layout) to the judge's millisecond layout. */
    public static Histogram fromMicros(Histogram micros) {
        Histogram ms = newMillis();
        for (HistogramIterationValue v : micros.recordedValues()) {
            long valueMs =
                    Math.min(HIGHEST_MS, Math.round(micros.medianEquivalentValue(v.getValueIteratedTo()) / 1000.0));
            ms.recordValueWithCount(valueMs, v.getCountAtValueIteratedTo());
        }
        return ms;
    }

    /**
     * At most {@code maxSize} values that stand for the histogram's distribution: every recorded value
     * (at its bucket's median) when the histogram holds no more than {@code maxSize}, otherwise the
     * values at {@code maxSize} evenly spaced quantiles (a stratified, deterministic sample), so a rank
     * test costs O(maxSize log maxSize) whatever the traffic.
     */
    public static double[] sample(Histogram h, int maxSize) {
        long total = h.getTotalCount();
        int size = (int) Math.min(total, maxSize);
        double[] out = new double[size];
        if (size == 0) {
            return out;
        }
        // Walk the buckets once, emitting the value of each target rank (i + 0.5) * total / size.
        int i = 0;
        long seen = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            seen += v.getCountAtValueIteratedTo();
            double value = h.medianEquivalentValue(v.getValueIteratedTo());
            while (i < size && (i + 0.5) * total / size < seen) {
                out[i++] = value;
            }
        }
        while (i < size) {
            out[i] = out[i - 1];
            i++;
        }
        return out;
    }

    /** The value at {@code percentile} (0-100) in milliseconds, or 0 for an empty histogram. */
    public static double percentileMs(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0.0 : h.getValueAtPercentile(percentile);
    }

    /** How many recorded values are above {@code thresholdMs} (bucket resolution). */
    public static long countAbove(Histogram h, long thresholdMs) {
        return h.getTotalCount() - h.getCountBetweenValues(0, thresholdMs);
    }
}
