package dev.relaygate.gates;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Latencies of alternating A/B blocks measured in one run (direct and relayed), one histogram pair per
 * block pair, in microseconds. The claim "the relay adds under X at p99" is about the whole run, so the
 * figure is the pooled one: each arm's blocks merged, then p99 relayed minus p99 direct. The per-pair
 * differences show how steady that is, and a bootstrap over block pairs (resampling whole pairs keeps the
 * machine's drift inside each pair) gives its 95% interval.
 */
public final class PairedBlocks {

    /** One direct block and the relayed block next to it. */
    public record Pair(Histogram a, Histogram b) {}

    private final List<Pair> pairs;

    public PairedBlocks(List<Pair> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    public int size() {
        return pairs.size();
    }

    /** b's pooled percentile minus a's, in ms; NaN without data in either arm. */
    public double pooledAddedMs(double percentile) {
        return addedMs(pooled(pairs, true), pooled(pairs, false), percentile);
    }

    /** Per pair: b's percentile minus a's, in ms, in measuring order (pairs lacking data are left out). */
    public List<Double> perPairAddedMs(double percentile) {
        List<Double> out = new ArrayList<>();
        for (Pair p : pairs) {
            double added = addedMs(p.a(), p.b(), percentile);
            if (!Double.isNaN(added)) {
                out.add(added);
            }
        }
        return out;
    }

    /**
     * The percentile bootstrap's 95% interval of {@link #pooledAddedMs}: {@code resamples} draws of as many
     * pairs with replacement, seeded so a run's report can be reproduced. {low, high}, NaN without pairs.
     */
    public double[] bootstrap95Ms(double percentile, int resamples, long seed) {
        if (pairs.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        SplittableRandom random = new SplittableRandom(seed);
        Histogram a = empty();
        Histogram b = empty();
        double[] estimates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            a.reset();
            b.reset();
            for (int i = 0; i < pairs.size(); i++) {
                Pair p = pairs.get(random.nextInt(pairs.size()));
                a.add(p.a());
                b.add(p.b());
            }
            estimates[r] = addedMs(a, b, percentile);
        }
        java.util.Arrays.sort(estimates);
        return new double[] {
            estimates[(int) Math.floor(0.025 * (resamples - 1))], estimates[(int) Math.ceil(0.975 * (resamples - 1))]
        };
    }

    private static Histogram pooled(List<Pair> pairs, boolean armA) {
        Histogram h = empty();
        pairs.forEach(p -> h.add(armA ? p.a() : p.b()));
        return h;
    }

    private static double addedMs(Histogram a, Histogram b, double percentile) {
        if (a.getTotalCount() == 0 || b.getTotalCount() == 0) {
            return Double.NaN;
        }
        return (b.getValueAtPercentile(percentile) - a.getValueAtPercentile(percentile)) / 1000.0;
    }

    private static Histogram empty() {
        return new Histogram(1, LatencyRecorder.HIGHEST_US, 3);
    }
}
