package dev.relaygate.gates.fleet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fleet's rollback as a member's {@code GET /admin/status} shows it ({@code rollout.rollback}).
 *
 * @param atMillis       epoch ms of the decision ({@code at_millis})
 * @param automatic      true when the judge's breach decided it
 * @param breachedCheck  the breaching judge check ({@code verdict.breached_check}), "" for none
 * @param reason         the relay's own words
 */
public record RollbackView(long atMillis, boolean automatic, String breachedCheck, String reason) {

    /** The rollback in a status document, or null when it shows none. */
    public static RollbackView of(JsonNode status) {
        JsonNode rb = status.path("rollout").path("rollback");
        if (!rb.isObject()
                || !rb.path("at_millis").canConvertToLong()
                || rb.path("at_millis").asLong() <= 0) {
            return null;
        }
        return new RollbackView(
                rb.path("at_millis").asLong(),
                rb.path("automatic").asBoolean(false),
                rb.path("verdict").path("breached_check").asText(""),
                rb.path("reason").asText(""));
    }
}
