package dev.relaygate.gates.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SplitChecksTest {

    private static final SplitChecks CLAIM = new SplitChecks(0.1, 1e-4, 3_800);

    @Test
    void theExactTwoSidedBinomialPValueMatchesHandComputedValues() {
        // 4 of 10 at p = 0.1: P(X >= 4) = 1 - P(X <= 3) = 1 - 0.9872048 = 0.0127952; P(X = 0) = 0.3486784 is
        // above P(X = 4) = 0.0111603, so the two-sided p-value is the upper tail alone
        assertThat(SplitChecks.pValue(10, 4, 0.1)).isCloseTo(0.0127952, within(1e-6));
        // the expected count itself: nothing is less likely than it, so the p-value is 1
        assertThat(SplitChecks.pValue(4_000, 400, 0.1)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aRelaySplittingNinetyTenPassesAndOneSplittingEightyEightTwelveFails() {
        GateEvaluation exact = new GateEvaluation();
        CLAIM.evaluate(exact, answers(4_000, 410));
        assertThat(exact.failures()).isEmpty();

        GateEvaluation skewed = new GateEvaluation();
        CLAIM.evaluate(skewed, answers(4_000, 480));
        assertThat(skewed.failures()).singleElement().asString().startsWith("split_p_value was ");
        assertThat((Double) skewed.measuredFigures().get("green_share")).isEqualTo(0.12);
    }

    @Test
    void answersNoUpstreamNamedAreCountedAndTooManyFailTheGate() {
        List<Observation> measured = new ArrayList<>(answers(3_000, 300));
        for (int i = 0; i < 1_000; i++) {
            measured.add(new Observation(i, 502, null, 1, true));
        }
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, measured);

        assertThat(eval.measuredFigures()).containsEntry("unattributed", 1_000L);
        assertThat(eval.failures()).singleElement().asString().startsWith("attributed_answers was 3000");
    }

    private static List<Observation> answers(int total, int green) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            out.add(new Observation(i, 200, i < green ? "green" : "blue", 1, true));
        }
        return out;
    }
}
