package dev.relaygate.gates.keyrotation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import java.util.List;
import org.junit.jupiter.api.Test;

final class KeyRotationChecksTest {

    private static final List<Observation> BLUE_ONLY = List.of(new Observation(1, 200, "blue", 20, true));

    @Test
    void bothRaisesRefusedByKeyValidationPass() throws Exception {
        GateEvaluation eval = new GateEvaluation();

        KeyRotationChecks.evaluate(eval, blocked(), blocked(), BLUE_ONLY, 0);

        assertThat(eval.failures()).isEmpty();
    }

    @Test
    void anyOtherNonSuccessIsNotAKeyValidationRefusal() throws Exception {
        AdminClient.Reply serverError = reply(500, "{\"error\":{\"message\":\"boom\",\"code\":null}}");
        AdminClient.Reply badToken =
                reply(401, "{\"error\":{\"message\":\"admin token required\",\"code\":\"unauthorized\"}}");
        GateEvaluation eval = new GateEvaluation();

        KeyRotationChecks.evaluate(eval, serverError, badToken, BLUE_ONLY, 0);

        assertThat(eval.failures())
                .containsExactly(
                        "shift_refused_by_key_validation was false, but the gate requires the traffic-shift to green to be answered"
                                + " 409 shift_blocked naming environments.green.api_key (was 500 (no code))",
                        "rollout_refused_by_key_validation was false, but the gate requires the rollout start to be answered"
                                + " 409 shift_blocked naming environments.green.api_key (was 401 unauthorized)");
    }

    @Test
    void aConflictForAnotherReasonIsNotAKeyValidationRefusal() throws Exception {
        AdminClient.Reply illegal = reply(
                409,
                "{\"error\":{\"message\":\"cannot go from ROLLED_BACK to CANARY\",\"code\":\"illegal_transition\"}}");

        assertThat(KeyRotationChecks.refusedForGreensKey(illegal)).isFalse();
    }

    @Test
    void theSameRefusalForAnUnhealthyGreenIsNotAKeyValidationRefusal() throws Exception {
        AdminClient.Reply unhealthy = reply(
                409,
                "{\"error\":{\"message\":\"green is unhealthy: HTTP 503; shift to green 10% blocked\","
                        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"shift_blocked\"}}");

        assertThat(KeyRotationChecks.refusedForGreensKey(unhealthy)).isFalse();
    }

    @Test
    void greenServingAClientWhileItsKeyWasRejectedFails() throws Exception {
        GateEvaluation eval = new GateEvaluation();

        KeyRotationChecks.evaluate(eval, blocked(), blocked(), List.of(new Observation(1, 200, "green", 20, true)), 0);

        assertThat(eval.failures())
                .containsExactly(
                        "green_served_while_key_rejected was 1, above the limit green_served_while_key_rejected_max = 0");
    }

    private static AdminClient.Reply blocked() throws Exception {
        return reply(
                409,
                "{\"error\":{\"message\":\"green's key was rejected: 401; shift to green 10% blocked\","
                        + "\"type\":\"invalid_request_error\",\"param\":\"environments.green.api_key\","
                        + "\"code\":\"shift_blocked\"}}");
    }

    private static AdminClient.Reply reply(int status, String body) throws Exception {
        return new AdminClient.Reply(status, new ObjectMapper().readTree(body), 0, 1_000_000);
    }
}
