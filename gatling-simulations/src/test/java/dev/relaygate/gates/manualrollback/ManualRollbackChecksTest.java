package dev.relaygate.gates.manualrollback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ManualRollbackChecksTest {

    private static final long MS = 1_000_000L;
    /** 200 req/s, 10 s of load after the rollback is sent. */
    private static final ManualRollbackChecks CLAIM = new ManualRollbackChecks(200, 10, 0.001);
    /** Sent at 10 s, returned 20 ms later. */
    private static final AdminClient.Reply ROLLBACK =
            new AdminClient.Reply(200, JsonNodeFactory.instance.objectNode(), 10_000 * MS, 10_020 * MS);

    @Test
    void everyRequestAfterTheRollbackOnBlueWithFullLoadPasses() {
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, ROLLBACK, traffic(0, 20_000, 10_000));

        assertThat(eval.failures()).isEmpty();
        assertThat(eval.measuredFigures().get("command_to_effect_ms")).isInstanceOf(Double.class);
    }

    @Test
    void tooFewRequestsAfterTheRollbackLeaveTheClaimNotMeasured() {
        // the load stopped 1 s after the rollback: "no green after the rollback" holds, but proves little;
        // half of 200 req/s over the 9.98 s left after the 20 ms call is 998
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, ROLLBACK, traffic(0, 11_000, 10_000));

        assertThat(eval.failures())
                .containsExactly(
                        "requests_after_rollback was 195, below the minimum min_requests_after_rollback = 998");
    }

    @Test
    void withoutGreenTrafficTheCommandToEffectTimeIsNotMeasurableRatherThanZero() {
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, ROLLBACK, traffic(0, 20_000, 0));

        assertThat(eval.measuredFigures().get("command_to_effect_ms"))
                .isEqualTo("not measurable: green served no request");
        assertThat(eval.failures()).singleElement().asString().startsWith("green_served_before_rollback was false");
    }

    @Test
    void greenStartingAfterTheCallReturnedFails() {
        List<Observation> measured = new ArrayList<>(traffic(0, 20_000, 10_000));
        measured.add(new Observation(12_000 * MS, 200, "green", 20, true));
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, ROLLBACK, measured);

        assertThat(eval.failures())
                .containsExactly(
                        "green_started_after_rollback_returned was 1, above the limit green_after_rollback_max = 0");
    }

    /** One request every 5 ms from {@code fromMs} to {@code toMs}; every other one on green before {@code greenUntilMs}. */
    private static List<Observation> traffic(long fromMs, long toMs, long greenUntilMs) {
        List<Observation> out = new ArrayList<>();
        for (long t = fromMs; t < toMs; t += 5) {
            boolean green = t < greenUntilMs && t % 10 == 0;
            out.add(new Observation(t * MS, 200, green ? "green" : "blue", 20, true));
        }
        return out;
    }
}
