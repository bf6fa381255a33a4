package dev.relaygate.gates.healthynorollback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.RolloutEventView;
import java.util.List;
import org.junit.jupiter.api.Test;

final class HealthyNoRollbackChecksTest {

    /** 200 req/s, +10 every 10 s for 35 s, 510 healthy samples per step. */
    private static final HealthyNoRollbackChecks CLAIM = new HealthyNoRollbackChecks(200, 10, 10, 35, 510, 0.001);

    private static final List<Observation> HEALTHY = List.of(new Observation(0, 200, "blue", 20, true));

    @Test
    void theExpectedProgressIsWhatTheIntervalAndTheSamplesGreenNeedsAllow() {
        // 10%: 20 green req/s need 25.5 s (+1 tick) for 510 samples -> 20% at 26.5 s; 20% needs 12.75 s + 1 more,
        // which no longer fits in 35 s; in 60 s: 30% at 40.25 s, 40% at 51.25 s (each later step 10 s + 1)
        assertThat(CLAIM.expectedGreenWeight()).isEqualTo(20);
        assertThat(new HealthyNoRollbackChecks(200, 10, 10, 60, 510, 0.001).expectedGreenWeight())
                .isEqualTo(40);
    }

    @Test
    void aHealthyRolloutThatAdvancedAsFarAsItCouldPasses() {
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, List.of(event("STARTED", 10), event("STEP_ADVANCED", 20)), HEALTHY);

        assertThat(eval.failures()).isEmpty();
    }

    @Test
    void aJudgeThatNeverAdvancesAHealthyCanaryFails() {
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, List.of(event("STARTED", 10)), HEALTHY);

        assertThat(eval.failures())
                .containsExactly("final_green_weight was 10, below the minimum min_final_green_weight = 20");
    }

    @Test
    void aRollbackOfAHealthyGreenFails() {
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(
                eval, List.of(event("STARTED", 10), event("STEP_ADVANCED", 20), event("ROLLED_BACK", 0)), HEALTHY);

        assertThat(eval.failures()).contains("rollbacks was 1, above the limit rollbacks_max = 0");
    }

    private static RolloutEventView event(String type, int green) {
        return new RolloutEventView(0, type, "CANARY", green, "", "");
    }
}
