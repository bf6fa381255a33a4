package dev.relaygate.relay.fleet;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.relaygate.relay.rollout.PersistedRouting;
import dev.relaygate.relay.rollout.Phase;
import dev.relaygate.relay.rollout.RolloutState;
import dev.relaygate.relay.rollout.UpstreamRoles;
import java.util.Objects;

/**
 * The one record a fleet shares: the routing every member's router uses, the rollout's state (phase, step,
 * settings, step start, rollback evidence) and the upstream roles, with a version that rises by one on every
 * committed change. Stored as JSON under one key; replaced only by compare-and-set.
 *
 * @param rollbacks       how many rollbacks this record's history holds: a record that saw a rollback another did
 *                        not outranks it whatever their versions (see {@link #survivor})
 * @param changedBy       the member id that committed this version
 * @param changedAtMillis when it was committed (that member's wall clock)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterRecord(
        @JsonProperty("version") long version,
        @JsonProperty("rollbacks") long rollbacks,
        @JsonProperty("rollout") RolloutState rollout,
        @JsonProperty("routing") PersistedRouting routing,
        @JsonProperty("roles") UpstreamRoles roles,
        @JsonProperty("changed_by") String changedBy,
        @JsonProperty("changed_at_ms") long changedAtMillis) {

    public ClusterRecord {
        Objects.requireNonNull(rollout, "rollout");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(roles, "roles");
    }

    /** Whether {@code other} routes, rolls out and assigns roles exactly as this one (versions aside). */
    public boolean sameContent(ClusterRecord other) {
        return other != null
                && rollout.equals(other.rollout)
                && routing.equals(other.routing)
                && roles.equals(other.roles);
    }

    public boolean rolledBack() {
        return rollout.phase() == Phase.ROLLED_BACK;
    }

    /** Whether this record sends nothing to green and runs no rollout: what a rollback leaves, in any phase. */
    public boolean allOnBlue() {
        return rolledBack() || (routing.greenWeight() == 0 && !rollout.phase().isLive());
    }

    /**
     * Which of two records stands: the one whose history holds more rollbacks (so a rollback decided on one side
     * of a split beats any advance on the other, and a reset made after that rollback still beats the bare
     * rollback), then the higher version; ties keep {@code existing}. The split-brain merge policy keeps it, and a
     * member applies a record only when it stands over the one it runs, so nothing ever steps a member back.
     */
    public static ClusterRecord survivor(ClusterRecord existing, ClusterRecord merging) {
        if (existing == null) {
            return merging;
        }
        if (merging == null) {
            return existing;
        }
        if (existing.rollbacks != merging.rollbacks) {
            return merging.rollbacks > existing.rollbacks ? merging : existing;
        }
        return merging.version > existing.version ? merging : existing;
    }

    /** The rollback count of a record that follows {@code previous} (null: the first record) with {@code next}. */
    static long rollbacksAfter(ClusterRecord previous, RolloutState next) {
        long before = previous == null ? 0 : previous.rollbacks;
        boolean rolledBackNow = next.phase() == Phase.ROLLED_BACK
                && (previous == null || previous.rollout.phase() != Phase.ROLLED_BACK);
        return before + (rolledBackNow ? 1 : 0);
    }
}
