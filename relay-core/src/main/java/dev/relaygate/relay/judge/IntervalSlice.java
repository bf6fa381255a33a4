package dev.relaygate.relay.judge;

import dev.relaygate.relay.metrics.Counts;
import dev.relaygate.relay.metrics.IntervalSnapshot;
import java.util.Objects;

/**
 * Everything the judge needs from one controller tick: both environments' outcomes and the shadow
 * comparisons finished in {@code [startMillis, endMillis)}.
 *
 * @param shadowCompared   shadow comparisons finished in the interval
 * @param shadowDissimilar of those, the ones whose text similarity was below {@code min_similarity}
 */
public record IntervalSlice(
        long startMillis,
        long endMillis,
        EnvironmentSlice blue,
        EnvironmentSlice green,
        long shadowCompared,
        long shadowDissimilar) {

    public IntervalSlice {
        if (endMillis < startMillis) {
            throw new IllegalArgumentException(
                    "endMillis must be >= startMillis (" + startMillis + "), but was " + endMillis);
        }
        Objects.requireNonNull(blue, "blue");
        Objects.requireNonNull(green, "green");
        if (shadowCompared < 0 || shadowDissimilar < 0 || shadowDissimilar > shadowCompared) {
            throw new IllegalArgumentException("shadowDissimilar must be in [0," + shadowCompared
                    + "] and shadowCompared >= 0, but were " + shadowDissimilar + " and " + shadowCompared);
        }
    }

    /**
     * Builds a slice from the metrics' interval snapshots (histograms in microseconds).
     *
     * @param count429 whether upstream 429s count as green's errors ({@code count_429_as_error})
     */
    public static IntervalSlice of(
            IntervalSnapshot blue,
            IntervalSnapshot green,
            long shadowCompared,
            long shadowDissimilar,
            boolean count429) {
        return new IntervalSlice(
                Math.min(blue.startMillis(), green.startMillis()),
                Math.max(blue.endMillis(), green.endMillis()),
                slice(blue, count429),
                slice(green, count429),
                shadowCompared,
                shadowDissimilar);
    }

    private static EnvironmentSlice slice(IntervalSnapshot s, boolean count429) {
        Counts c = s.counts();
        long judged = Math.max(0, c.judged());
        return new EnvironmentSlice(
                judged,
                Math.min(judged, c.errors(count429)),
                LatencyHistograms.fromMicros(s.latencyMicros()),
                ErrorCauses.of(c, count429));
    }
}
