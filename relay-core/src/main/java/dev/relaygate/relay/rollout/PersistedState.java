package dev.relaygate.relay.rollout;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.relaygate.relay.config.TrafficShiftSettings;

/**
 * What the state file holds: enough to come back after a restart on the same side of a rollback.
 *
 * @param trafficShift   the rollout's settings, so a restored live rollout keeps its thresholds; may be null
 * @param rollbackReason the last rollback's reason, when phase is ROLLED_BACK
 * @param roles          which upstream was blue and which green; null in files written before roles were kept
 * @param routing        the routing in force when saved, unless it was still the config's; null then (and in
 *                       files written before routing was kept)
 */
public record PersistedState(
        @JsonProperty("phase") Phase phase,
        @JsonProperty("step") int step,
        @JsonProperty("blue_weight") int blueWeight,
        @JsonProperty("green_weight") int greenWeight,
        @JsonProperty("updated_at_ms") long updatedAtMillis,
        @JsonProperty("traffic_shift") TrafficShiftSettings trafficShift,
        @JsonProperty("rollback_reason") String rollbackReason,
        @JsonProperty("roles") UpstreamRoles roles,
        @JsonProperty("routing") PersistedRouting routing) {

    static PersistedState of(RolloutState s, long now, UpstreamRoles roles, PersistedRouting routing) {
        return new PersistedState(
                s.phase(),
                s.step(),
                s.blueWeight(),
                s.greenWeight(),
                now,
                s.settings(),
                s.rollback() == null ? null : s.rollback().reason(),
                roles,
                routing);
    }
}
