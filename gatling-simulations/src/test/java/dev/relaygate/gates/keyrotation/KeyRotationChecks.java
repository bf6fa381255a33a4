package dev.relaygate.gates.keyrotation;

import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import java.util.List;

/**
 * The key-rotation claim: with green's key rejected by its provider, a traffic-shift to green and a rollout
 * start are each refused by key validation, and no client meets green meanwhile. "Refused" means the relay's
 * documented refusal, a 409 whose OpenAI-shaped error has code {@code shift_blocked} and {@code param} naming
 * green's key field: the same 409 for an unhealthy green names no field, and any other non-2xx (a 500, a 401
 * for a bad admin token, a 400 for a malformed body) proves nothing about keys.
 */
final class KeyRotationChecks {

    static final int REFUSAL_STATUS = 409;
    static final String REFUSAL_CODE = "shift_blocked";
    static final String KEY_FIELD = "environments.green.api_key";

    private KeyRotationChecks() {}

    /** {@code fixedNanos}: when green's provider accepted the key again (0 if it never did). */
    static void evaluate(
            GateEvaluation eval,
            AdminClient.Reply shift,
            AdminClient.Reply rollout,
            List<Observation> measured,
            long fixedNanos) {
        long greenWhileRejected = measured.stream()
                .filter(o -> (fixedNanos == 0 || o.startNanos() - fixedNanos < 0) && o.servedBy("green"))
                .count();
        eval.isTrue(
                        "shift_refused_by_key_validation",
                        refusedForGreensKey(shift),
                        "the traffic-shift to green to be answered 409 " + REFUSAL_CODE + " naming " + KEY_FIELD
                                + " (was " + describe(shift) + ")")
                .isTrue(
                        "rollout_refused_by_key_validation",
                        refusedForGreensKey(rollout),
                        "the rollout start to be answered 409 " + REFUSAL_CODE + " naming " + KEY_FIELD + " (was "
                                + describe(rollout) + ")")
                .atMost(
                        "green_served_while_key_rejected",
                        (double) greenWhileRejected,
                        "green_served_while_key_rejected_max",
                        0)
                .atMost(
                        "client_errors",
                        (double) measured.stream().filter(Observation::failed).count(),
                        "client_errors_max",
                        0)
                .measured("shift_status", shift == null ? null : shift.status())
                .measured("rollout_status", rollout == null ? null : rollout.status())
                .measured("requests", (long) measured.size());
    }

    static boolean refusedForGreensKey(AdminClient.Reply reply) {
        if (reply == null || reply.status() != REFUSAL_STATUS) {
            return false;
        }
        var error = reply.body().path("error");
        return REFUSAL_CODE.equals(error.path("code").asText())
                && KEY_FIELD.equals(error.path("param").asText());
    }

    private static String describe(AdminClient.Reply reply) {
        if (reply == null) {
            return "never sent";
        }
        var error = reply.body().path("error");
        return reply.status() + (error.isObject() ? " " + error.path("code").asText("(no code)") : "");
    }
}
