package dev.relaygate.gates.compare;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.Rounding;
import java.util.List;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;

/**
 * The split-accuracy claim: with weights set to blue 90 / green 10, the share of answers green gave is
 * consistent with 10%: an exact two-sided binomial test of the green count among the attributed answers
 * must not reject p = 0.1 at alpha (1e-4: a correct relay fails about once in ten thousand runs; a relay
 * that splits 12/88 over 4,000 requests fails almost surely). Attribution is the upstream's own (the body
 * names it); answers naming no upstream are counted and must be few, or the test would judge a remnant.
 */
record SplitChecks(double expectedGreenShare, double alpha, long minAttributed) {

    void evaluate(GateEvaluation eval, List<Observation> measured) {
        long green = measured.stream().filter(o -> o.servedBy("green")).count();
        long blue = measured.stream().filter(o -> o.servedBy("blue")).count();
        long attributed = green + blue;
        long unattributed = measured.size() - attributed;
        double pValue = attributed == 0 ? Double.NaN : pValue((int) attributed, (int) green, expectedGreenShare);
        eval.atLeast("attributed_answers", (double) attributed, "min_attributed_answers", minAttributed)
                .atLeast("split_p_value", pValue, "alpha", alpha)
                .measured("requests", (long) measured.size())
                .measured("green_answers", green)
                .measured("blue_answers", blue)
                .measured("unattributed", unattributed)
                .measured("expected_green_share", expectedGreenShare)
                .measured("green_share", attributed == 0 ? null : Rounding.round3((double) green / attributed));
    }

    /**
     * Exact two-sided binomial test of {@code successes} in {@code trials} against probability {@code p}: the
     * probability of every outcome no likelier than the one seen. Commons Math sums both tails and can count
     * the outcome seen twice when it sits at the mode, giving a little over 1; a probability is capped at 1.
     */
    static double pValue(int trials, int successes, double p) {
        return Math.min(1.0, new BinomialTest().binomialTest(trials, successes, p, AlternativeHypothesis.TWO_SIDED));
    }
}
