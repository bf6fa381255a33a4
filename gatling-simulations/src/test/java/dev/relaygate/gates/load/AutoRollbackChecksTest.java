package dev.relaygate.gates.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.RolloutEventView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class AutoRollbackChecksTest {

    private static final long ONSET = 1_000_000L;
    private static final AutoRollbackChecks LATENCY =
            new AutoRollbackChecks(30_000, 1_000, Set.of("latency_p99", "latency_p99_difference"));

    @Test
    void aLatencyFaultRolledBackByTheP99DifferenceCheckInTimePasses() {
        GateEvaluation eval = evaluate(LATENCY, rollback(ONSET + 6_000, "latency_p99_difference"));

        assertThat(eval.failures()).isEmpty();
        assertThat(eval.measuredFigures()).containsEntry("rollback_after_ms", 6_000.0);
    }

    @Test
    void aLatencyGateWhoseRollbackTheErrorCheckDecidedFailsBecauseTheLatencyChecksWereNeverShownToWork() {
        GateEvaluation eval = evaluate(LATENCY, rollback(ONSET + 6_000, "error_rate"));

        assertThat(eval.passed()).isFalse();
        assertThat(eval.failures())
                .singleElement()
                .asString()
                .startsWith("rollback_decided_by_latency_p99_or_latency_p99_difference was false")
                .contains("it was decided by 'error_rate'");
    }

    @Test
    void aManualOrUnexplainedRollbackProvesNoCheck() {
        GateEvaluation eval = evaluate(LATENCY, rollback(ONSET + 6_000, ""));

        assertThat(eval.passed()).isFalse();
    }

    @Test
    void aRollbackLaterThanTheAllowanceFails() {
        GateEvaluation eval = evaluate(LATENCY, rollback(ONSET + 31_000, "latency_p99_difference"));

        assertThat(eval.failures())
                .containsExactly("rollback_after_ms was 31000, above the limit rollback_within_ms = 30000");
    }

    @Test
    void greenServingAfterTheRollbackAndItsGraceFails() {
        List<Observation> measured = new ArrayList<>(healthyTraffic());
        measured.add(new Observation(ONSET + 9_000, 200, "green", 20, true));
        GateEvaluation eval = new GateEvaluation();

        LATENCY.evaluate(
                eval,
                List.of(started(), rollback(ONSET + 6_000, "latency_p99")),
                measured,
                ONSET,
                Observation::startNanos);

        assertThat(eval.failures())
                .containsExactly(
                        "green_served_after_rollback was 1, above the limit green_served_after_rollback_max = 0");
    }

    private static GateEvaluation evaluate(AutoRollbackChecks checks, RolloutEventView rollback) {
        GateEvaluation eval = new GateEvaluation();
        // the crafted observations carry epoch ms in startNanos, so the start function is the identity
        checks.evaluate(eval, List.of(started(), rollback), healthyTraffic(), ONSET, Observation::startNanos);
        return eval;
    }

    private static List<Observation> healthyTraffic() {
        List<Observation> out = new ArrayList<>();
        for (long t = ONSET - 10_000; t < ONSET + 20_000; t += 100) {
            out.add(new Observation(t, 200, t % 1000 == 0 && t < ONSET + 6_000 ? "green" : "blue", 20, true));
        }
        return out;
    }

    private static RolloutEventView started() {
        return new RolloutEventView(ONSET - 15_000, "STARTED", "CANARY", 10, "rollout started", "");
    }

    private static RolloutEventView rollback(long epochMs, String check) {
        return new RolloutEventView(epochMs, "ROLLED_BACK", "ROLLED_BACK", 0, "breach", check);
    }
}
