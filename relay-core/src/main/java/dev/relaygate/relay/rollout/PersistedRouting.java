package dev.relaygate.relay.rollout;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.relaygate.relay.config.RoutingStrategy;
import dev.relaygate.relay.routing.RoutingPolicy;

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
        @JsonProperty("changed_at_ms") long changedAtMillis) {

    /** The routing {@code policy} puts in place, as it is kept. */
    public static PersistedRouting of(RoutingPolicy policy) {
        return new PersistedRouting(
                policy.greenWeight(),
                policy.strategy().wireName(),
                policy.shadow(),
                policy.changedBy(),
                policy.changedAtMillis());
    }

    /** The policy that routes as this, at version 0 of the store it goes into. */
    public RoutingPolicy toPolicy() {
        return new RoutingPolicy(
                greenWeight, RoutingStrategy.fromWire(strategy), shadow, 0, changedAtMillis, changedBy);
    }
}
