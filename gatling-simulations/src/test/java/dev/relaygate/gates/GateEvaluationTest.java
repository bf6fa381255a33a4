package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class GateEvaluationTest {

    @Test
    void aGateWhoseFiguresAreWithinTheirLimitsPasses() {
        GateEvaluation eval = new GateEvaluation()
                .below("p99_ms", 120.4, "p99_below_ms", 200)
                .below("failed_ratio", 0.0002, "failed_ratio_below", 0.001)
                .atMost("rollback_after_ms", 30000.0, "rollback_within_ms", 30000)
                .atLeast("requests", 5000.0, "min_requests", 1000)
                .isTrue("reached_promoted", true, "the rollout to reach PROMOTED");

        assertThat(eval.passed()).isTrue();
        assertThat(eval.failures()).isEmpty();
        assertThat(eval.thresholds()).containsEntry("p99_below_ms", 200.0).containsEntry("rollback_within_ms", 30000.0);
        assertThat(eval.measuredFigures()).containsEntry("p99_ms", 120.4);
    }

    @Test
    void aP99AboveTheLimitFailsTheGateWithASentenceNamingTheFigureAndTheLimit() {
        GateEvaluation eval = new GateEvaluation().below("p99_ms", 231.5, "p99_below_ms", 200);

        assertThat(eval.passed()).isFalse();
        assertThat(eval.failures()).containsExactly("p99_ms was 231.5, not below the limit p99_below_ms = 200");
    }

    @Test
    void aRollbackLaterThanThirtySecondsFailsTheGate() {
        GateEvaluation eval = new GateEvaluation().atMost("rollback_after_ms", 30001.0, "rollback_within_ms", 30000);

        assertThat(eval.passed()).isFalse();
        assertThat(eval.failures())
                .containsExactly("rollback_after_ms was 30001, above the limit rollback_within_ms = 30000");
    }

    @Test
    void aRollbackThatNeverHappenedFailsTheGateRatherThanPassingOnMissingEvidence() {
        GateEvaluation eval = new GateEvaluation().atMost("rollback_after_ms", null, "rollback_within_ms", 30000);

        assertThat(eval.passed()).isFalse();
        assertThat(eval.failures())
                .containsExactly(
                        "rollback_after_ms was not measured, so rollback_within_ms = 30000 cannot be shown to hold");
        assertThat(eval.measuredFigures()).containsEntry("rollback_after_ms", null);
    }

    @Test
    void tooFewRequestsFailTheMinimum() {
        GateEvaluation eval = new GateEvaluation().atLeast("requests", 10.0, "min_requests", 1000);

        assertThat(eval.failures()).containsExactly("requests was 10, below the minimum min_requests = 1000");
    }

    @Test
    void aRequiredPropertyThatDoesNotHoldFailsTheGate() {
        GateEvaluation eval = new GateEvaluation().isTrue("reached_promoted", false, "the rollout to reach PROMOTED");

        assertThat(eval.passed()).isFalse();
        assertThat(eval.failures())
                .containsExactly("reached_promoted was false, but the gate requires the rollout to reach PROMOTED");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY})
    void aFigureThatIsNotFiniteCountsAsNotMeasured(double bad) {
        GateEvaluation eval = new GateEvaluation().below("p99_ms", bad, "p99_below_ms", 200);

        assertThat(eval.passed()).isFalse();
        assertThat(eval.failures().get(0)).startsWith("p99_ms was not measured");
    }

    @Test
    void oneFailedCheckAmongSeveralFailsTheGateAndOnlyThatCheckIsNamed() {
        GateEvaluation eval = new GateEvaluation()
                .below("p99_ms", 20.0, "p99_below_ms", 200)
                .atMost("broken_streams", 2.0, "broken_streams_max", 0);

        assertThat(eval.passed()).isFalse();
        assertThat(eval.failures()).containsExactly("broken_streams was 2, above the limit broken_streams_max = 0");
    }

    @Test
    void targetsAreReportedButNeverFailTheGate() {
        GateEvaluation eval = new GateEvaluation().measured("p99_added_ms", 3.2).target("p99_added_ms", 1.0);

        assertThat(eval.passed()).isTrue();
        assertThat(eval.targets()).containsEntry("p99_added_ms", 1.0);
    }
}
