package dev.relaygate.gates.fleetrollback;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.MemberObservation;
import dev.relaygate.gates.fleet.FleetChecks;
import dev.relaygate.gates.fleet.MemberView;
import dev.relaygate.gates.fleet.RollbackView;
import java.util.List;

/**
 * The fleet-rollback claim as a pure function of what the run observed: the judge rolled back within the
 * allowance of the fault onset; every member applied the rollback within {@code applyWithinMs} of the
 * decision; no member served green to a request started after it applied the rollback (plus grace) or
 * raised green again; client failures stay within the auto-rollback-errors bound and none start after the
 * decision (plus grace); every answer names the member it was sent to.
 *
 * @param rollbackWithinMs  fault onset to decision
 * @param applyWithinMs     decision to each member's applied rollback
 * @param graceMs           in-flight grace after a member applied the rollback (and after the decision)
 * @param failureBound      the auto-rollback-errors bound on client failures
 */
record FleetRollbackChecks(double rollbackWithinMs, double applyWithinMs, long graceMs, int failureBound) {

    /** Our target for the median rollback time over runs: shown next to the figure, never gated. */
    static final double ROLLBACK_TARGET_MS = 8_000;

    void evaluate(
            GateEvaluation eval,
            List<MemberView> members,
            List<String> memberIds,
            long rolloutStartedEpochMs,
            long onsetEpochMs,
            List<MemberObservation> measured) {
        RollbackView decision = FleetChecks.decision(members);
        FleetChecks.rollbackTiming(eval, decision, onsetEpochMs, rollbackWithinMs);
        eval.target("rollback_after_ms", ROLLBACK_TARGET_MS);
        FleetChecks.decisionsAgree(eval, members);
        FleetChecks.applyLag(eval, members, decision, rolloutStartedEpochMs, applyWithinMs, true);
        FleetChecks.greenAfterApply(eval, members, measured, rolloutStartedEpochMs, graceMs);
        FleetChecks.noGreenRaisedAfterRollback(eval, members, rolloutStartedEpochMs);
        FleetChecks.clientFailures(eval, "client_", measured, failureBound, decision, graceMs);
        FleetChecks.memberHeaders(eval, memberIds, measured);
        eval.measured("requests", (long) measured.size())
                .measured(
                        "green_served",
                        measured.stream().filter(o -> o.servedBy("green")).count());
        for (MemberView m : members) {
            eval.measured(
                    m.key() + "_requests",
                    measured.stream().filter(o -> o.sentTo(m.index())).count());
        }
    }
}
