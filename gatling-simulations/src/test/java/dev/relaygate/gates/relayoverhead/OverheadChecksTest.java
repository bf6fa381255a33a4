package dev.relaygate.gates.relayoverhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.LatencyRecorder;
import dev.relaygate.gates.OpenLoopClient.BlockResult;
import dev.relaygate.gates.PairedBlocks;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

final class OverheadChecksTest {

    private static final OverheadChecks CLAIM = new OverheadChecks(5, 0.001, 200, 42);

    @Test
    void aRelayAddingAFractionOfAMillisecondPassesAndMeetsOurTargets() {
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, figures(20, 0, 0));

        assertThat(eval.failures()).isEmpty();
        assertThat(eval.measuredFigures())
                .containsEntry("p99_added_meets_target", true)
                .containsEntry("pairs_with_p99_added_over_limit", 0L);
    }

    @Test
    void aRelayThatAddsOverFiveMillisecondsInNineOfTwentyPairsFailsThoughItsMedianPairLooksFine() {
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, figures(20, 9, 9_000));

        assertThat(eval.failures())
                .singleElement()
                .asString()
                .startsWith("p99_added_ms was ")
                .endsWith("not below the limit p99_added_below_ms = 5");
        assertThat((Double) eval.measuredFigures().get("p99_added_per_pair_median_ms"))
                .isLessThan(1.0);
        assertThat(eval.measuredFigures()).containsEntry("pairs_with_p99_added_over_limit", 9L);
        assertThat((Double) eval.measuredFigures().get("p99_added_ci95_high_ms"))
                .isGreaterThanOrEqualTo((Double) eval.measuredFigures().get("p99_added_ms"));
    }

    @Test
    void withoutBlocksTheAddedLatencyWasNotMeasuredAndTheGateFails() {
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, figures(0, 0, 0));

        assertThat(eval.failures()).anySatisfy(f -> assertThat(f).startsWith("p99_added_ms was not measured"));
    }

    /** {@code pairs} pairs of 1,000 requests; in {@code slowPairs} of them 5% of relayed requests take {@code tailUs}. */
    private static OverheadMeasurement.Figures figures(int pairs, int slowPairs, long tailUs) {
        List<PairedBlocks.Pair> out = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            Histogram a = new Histogram(1, 60_000_000, 3);
            Histogram b = new Histogram(1, 60_000_000, 3);
            for (int i = 0; i < 1_000; i++) {
                a.recordValue(300);
                b.recordValue(p < slowPairs && i < 50 ? tailUs : 420);
            }
            out.add(new PairedBlocks.Pair(a, b));
        }
        BlockResult saturated = new BlockResult(120_000, 120_000, 0, 10_000_000_000L);
        return new OverheadMeasurement.Figures(
                new LatencyRecorder(),
                new LatencyRecorder(),
                new PairedBlocks(out),
                0,
                0,
                pairs * 1_000L,
                pairs * 1_000L,
                saturated,
                saturated,
                50,
                80,
                Double.NaN,
                Double.NaN,
                List.of(),
                Double.NaN);
    }
}
