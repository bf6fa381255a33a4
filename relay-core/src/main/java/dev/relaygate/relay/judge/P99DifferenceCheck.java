package dev.relaygate.relay.judge;

import dev.relaygate.relay.config.ValidationThreshold;
import java.util.Arrays;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Green p99 minus blue p99 against {@code p99_difference_ms}. The difference is the size criterion;
 * Commons Math's Mann-Whitney U test is the shift test that says the difference is not noise: a
 * breach needs the difference above the threshold and a one-sided U p-value ("green is slower")
 * below alpha. The U test runs only when the difference is already over the threshold, on at most
 * {@link #MAX_TEST_SAMPLES} stratified values per environment, so its cost is bounded.
 *
 * <p>Limitation: U tests a shift of the whole distribution; a regression confined to the slowest
 * 1% with no shift elsewhere is left to {@link P99Check}.
 */
public final class P99DifferenceCheck {

    public static final String NAME = "latency_p99_difference";
    public static final int MAX_TEST_SAMPLES = 500;

    private final ValidationThreshold t;
    private final MannWhitneyUTest uTest = new MannWhitneyUTest();

    public P99DifferenceCheck(ValidationThreshold thresholds) {
        this.t = thresholds;
    }

    public P99DifferenceResult evaluate(Window w) {
        EnvironmentWindow green = w.green();
        EnvironmentWindow blue = w.blue();
        long gn = green.latencySamples();
        long bn = blue.latencySamples();
        double gp = green.p99Ms();
        double bp = blue.p99Ms();
        double diff = gp - bp;
        if (gn < t.minSamples() || bn < t.minSamples()) {
            return new P99DifferenceResult(
                    CheckStatus.INSUFFICIENT_DATA, gn, bn, gp, bp, diff, t.p99DifferenceMs(), 1.0, 0);
        }
        if (diff <= t.p99DifferenceMs()) {
            return new P99DifferenceResult(CheckStatus.HEALTHY, gn, bn, gp, bp, diff, t.p99DifferenceMs(), 1.0, 0);
        }
        double[] g = LatencyHistograms.sample(green.latencyMs(), MAX_TEST_SAMPLES);
        double[] b = LatencyHistograms.sample(blue.latencyMs(), MAX_TEST_SAMPLES);
        double twoSided = uTest.mannWhitneyUTest(g, b);
        // Halve only when green's ranks lie above blue's; otherwise the one-sided p is >= 1/2.
        double p = greenRanksHigher(g, b) ? twoSided / 2 : 1 - twoSided / 2;
        CheckStatus status = p < t.alpha() ? CheckStatus.BREACH : CheckStatus.HEALTHY;
        return new P99DifferenceResult(
                status, gn, bn, gp, bp, diff, t.p99DifferenceMs(), p, Math.min(g.length, b.length));
    }

    /** U for green (pairs where green is slower, ties half) above its null mean n*m/2. */
    private static boolean greenRanksHigher(double[] g, double[] b) {
        double[] sorted = b.clone();
        Arrays.sort(sorted);
        double u = 0;
        for (double x : g) {
            int lo = lowerBound(sorted, x);
            int hi = upperBound(sorted, x);
            u += lo + (hi - lo) / 2.0;
        }
        return u > (double) g.length * b.length / 2;
    }

    private static int lowerBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
