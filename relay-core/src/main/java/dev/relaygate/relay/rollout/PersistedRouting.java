package dev.relaygate.relay.rollout;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The routing an operator (or the rollout) put in place, as the state file keeps it: a restart routes as the
 * relay did before it, not as the config file did at first.
 *
 * @param strategy        {@code weighted} or {@code shadow}
 * @param changedBy       the decision that set it ("admin rollback", "admin traffic-shift", ...)
 * @param changedAtMillis when it was set
 */
public record PersistedRouting(
        @JsonProperty("green_weight") int greenWeight,
        @JsonProperty("strategy") String strategy,
        @JsonProperty("shadow") boolean shadow,
        @JsonProperty("changed_by") String changedBy,
        @JsonProperty("changed_at_ms") long changedAtMillis) {}
