package dev.relaygate.gates.canaryprogression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.RolloutEventView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CanaryProgressionChecksTest {

    private static final CanaryProgressionChecks CLAIM = new CanaryProgressionChecks(25, 1e-4, 250, 0.001, 20);

    /** 25 -> 50 -> 75 -> 100 every 10 s after 10 s at weight 0; the 50% step's clients see {@code greenAt50} % green. */
    private static GateEvaluation fourSteps(int greenAt50) {
        List<RolloutEventView> changes = List.of(
                change(10_000, "STARTED", 25),
                change(20_000, "STEP_ADVANCED", 50),
                change(30_000, "STEP_ADVANCED", 75),
                change(40_000, "PROMOTED", 100));
        List<Observation> measured = new ArrayList<>(traffic(0, 10_000, 0));
        measured.addAll(traffic(10_000, 20_000, 25));
        measured.addAll(traffic(20_000, 30_000, greenAt50));
        measured.addAll(traffic(30_000, 40_000, 75));
        measured.addAll(traffic(40_000, 45_000, 100));
        GateEvaluation eval = new GateEvaluation();
        CLAIM.evaluate(eval, changes, measured, Observation::startNanos);
        return eval;
    }

    @Test
    void aRolloutWhoseEveryStepMatchesItsWeightPasses() {
        assertThat(fourSteps(50).failures()).isEmpty();
    }

    @Test
    void theWeightZeroStretchBeforeTheRolloutIsNotACanaryStepSoAStepWithoutTrafficFails() {
        // the 50% step saw almost no requests: the old check skipped it and counted the weight-0 stretch
        // before the rollout instead, so four "steps" were still checked
        List<RolloutEventView> changes = List.of(
                change(10_000, "STARTED", 25),
                change(20_000, "STEP_ADVANCED", 50),
                change(20_400, "STEP_ADVANCED", 75),
                change(30_000, "PROMOTED", 100));
        List<Observation> measured = new ArrayList<>(traffic(0, 10_000, 0));
        measured.addAll(traffic(10_000, 20_000, 25));
        measured.addAll(traffic(20_000, 20_400, 50));
        measured.addAll(traffic(20_400, 30_000, 75));
        measured.addAll(traffic(30_000, 35_000, 100));
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, changes, measured, Observation::startNanos);

        assertThat(eval.failures())
                .containsExactly(
                        "step_green_50_requests was 0, below the minimum min_step_requests = 20",
                        "step_green_50_p_value was not measured, so step_alpha = 0.0001 cannot be shown to hold");
    }

    @Test
    void aStepTheRolloutSkippedFailsAsNotMeasured() {
        List<RolloutEventView> changes = List.of(change(10_000, "STARTED", 25), change(20_000, "PROMOTED", 100));
        List<Observation> measured = new ArrayList<>(traffic(10_000, 20_000, 25));
        measured.addAll(traffic(20_000, 30_000, 100));
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, changes, measured, Observation::startNanos);

        assertThat(eval.failures())
                .anySatisfy(f -> assertThat(f).startsWith("step_green_50_requests was not measured"))
                .anySatisfy(f -> assertThat(f).startsWith("step_green_75_requests was not measured"));
    }

    @Test
    void aStepWhoseGreenShareDoesNotMatchItsWeightFails() {
        assertThat(fourSteps(10).failures()).singleElement().asString().startsWith("step_green_50_p_value was ");
    }

    /** One request every 10 ms in [from, to), green on an exact share of them (epoch ms in startNanos). */
    private static List<Observation> traffic(long fromMs, long toMs, int greenPercent) {
        List<Observation> out = new ArrayList<>();
        int i = 0;
        for (long t = fromMs; t < toMs; t += 10, i++) {
            out.add(new Observation(t, 200, i % 100 < greenPercent ? "green" : "blue", 20, true));
        }
        return out;
    }

    private static RolloutEventView change(long epochMs, String type, int green) {
        return new RolloutEventView(epochMs, type, green == 100 ? "PROMOTED" : "CANARY", green, "", "");
    }
}
