package dev.relaygate.relay.rollout;

import dev.relaygate.relay.routing.RoutingPolicy;

/**
 * Why an operator changed routing by hand. The controller acts on the cause (a rollback ends a
 * rollout as ROLLED_BACK, every other change stops it as STABLE); the text is what the policy's
 * {@code changed_by} and the rollout events show.
 */
public enum ManualChange {
    /** {@code POST /admin/traffic-shift}: the operator sets the weights; a live rollout stops. */
    TRAFFIC_SHIFT("admin traffic-shift"),
    /** {@code POST /admin/rollback}: blue 100 now; a live rollout ends rolled back. */
    ROLLBACK("admin rollback"),
    /** {@code PATCH /v1/routing/policy} with routing only: the operator sets strategy and weights. */
    POLICY_PATCH("PATCH /v1/routing/policy"),
    /** {@code POST /admin/promote} with swap: green's upstream becomes blue. */
    PROMOTE_SWAP("promote --swap"),
    /** {@code POST /admin/rollout/reset}: ROLLED_BACK back to STABLE. */
    RESET("admin reset");

    private final String changedBy;

    ManualChange(String changedBy) {
        this.changedBy = changedBy;
    }

    /** The text a policy's {@code changed_by} and an event's reason show. */
    public String changedBy() {
        return changedBy;
    }

    /** Whether this cause made {@code policy} (it is the last change to it). */
    public boolean made(RoutingPolicy policy) {
        return changedBy.equals(policy.changedBy());
    }
}
