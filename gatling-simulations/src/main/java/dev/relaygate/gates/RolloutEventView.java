package dev.relaygate.gates;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of the relay's rollout timeline ({@code GET /admin/events}) as a gate reads it.
 *
 * @param epochMs      wall-clock time of the event
 * @param type         STARTED, STEP_ADVANCED, PROMOTED, ROLLED_BACK, CANCELLED, VERDICT, ...
 * @param phase        phase after the event
 * @param greenWeight  green's weight after the event
 * @param message      the relay's own words (evidence for a rollback)
 * @param breachedCheck for an automatic rollback, the judge check that breached (e.g. {@code error_rate},
 *                      {@code p99_difference}); empty otherwise
 */
public record RolloutEventView(
        long epochMs, String type, String phase, int greenWeight, String message, String breachedCheck) {

    public static RolloutEventView of(JsonNode node) {
        return new RolloutEventView(
                node.path("t_ms").asLong(),
                node.path("type").asText(""),
                node.path("phase").asText(""),
                node.path("green_weight").asInt(-1),
                node.path("message").asText(""),
                node.path("rollback").path("verdict").path("breached_check").asText(""));
    }

    public boolean is(String eventType) {
        return eventType.equalsIgnoreCase(type);
    }

    /** Events that change the weights (not verdicts). */
    public boolean changesWeight() {
        return !is("VERDICT");
    }
}
