package dev.relaygate.gates;

import java.util.List;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;

/**
 * Whether the green share observed during one rollout step matches the step's weight: a two-sided exact
 * binomial test of "green answers out of all answers" against {@code weight / 100}. At weight 0 or 100
 * the share must be exact. A step whose p-value is below alpha (1e-4 by default, per step) fails: with
 * that alpha a correct router fails a five-step rollout less than once in 2,000 runs.
 *
 * @param weight   green's weight during the step, percent
 * @param requests answers counted in the step (after the guard band around each change)
 * @param green    of which green served
 * @param pValue   two-sided p-value of the observed count under the weight
 */
public record StepShare(int weight, long requests, long green, double pValue) {

    public static StepShare of(int weight, List<Observation> observations) {
        long n = observations.size();
        long k = observations.stream().filter(o -> o.servedBy("green")).count();
        return new StepShare(weight, n, k, pValue(weight, n, k));
    }

    static double pValue(int weight, long n, long k) {
        if (n == 0) {
            return Double.NaN;
        }
        if (weight <= 0) {
            return k == 0 ? 1.0 : 0.0;
        }
        if (weight >= 100) {
            return k == n ? 1.0 : 0.0;
        }
        return new BinomialTest().binomialTest((int) n, (int) k, weight / 100.0, AlternativeHypothesis.TWO_SIDED);
    }

    public double observedShare() {
        return requests == 0 ? Double.NaN : (double) green / requests;
    }

    public boolean matches(double alpha) {
        return !Double.isNaN(pValue) && pValue >= alpha;
    }
}
