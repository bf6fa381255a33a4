package dev.relaygate.gates.fleet;

import dev.relaygate.gates.AppliedRecord;
import dev.relaygate.gates.FleetRig;
import java.util.List;

/**
 * What one fleet member said at the end of a run (or at a chosen moment): its applied record versions and
 * its status's rollback and leader. A member that could not be asked has {@code applied == null} and says
 * why in {@code problem}; checks treat that as missing evidence, never as a pass.
 *
 * @param index     0-based position in the fleet
 * @param id        its cluster id (null if it never said)
 * @param state     running, stopped or killed when it was asked
 * @param applied   {@code GET /admin/cluster/applied}, null when unavailable
 * @param rollback  {@code rollout.rollback} of its status, null when none (or unavailable)
 * @param leader    {@code cluster.leader} of its status, null when unavailable
 * @param problem   why something is missing, null when nothing is
 */
public record MemberView(
        int index,
        String id,
        FleetRig.State state,
        List<AppliedRecord> applied,
        RollbackView rollback,
        String leader,
        String problem) {

    /** {@code member-N}, 1-based as in the logs. */
    public String name() {
        return "member-" + (index + 1);
    }

    /** The figure-name prefix {@code member_N}. */
    public String key() {
        return "member_" + (index + 1);
    }

    /**
     * The member's rollback record: the first applied record in phase ROLLED_BACK applied at or after
     * {@code sinceEpochMs} (the rollout's start), or null.
     */
    public AppliedRecord rollbackRecord(long sinceEpochMs) {
        if (applied == null) {
            return null;
        }
        return applied.stream()
                .filter(a -> a.rolledBack() && a.appliedAtMs() >= sinceEpochMs)
                .findFirst()
                .orElse(null);
    }
}
