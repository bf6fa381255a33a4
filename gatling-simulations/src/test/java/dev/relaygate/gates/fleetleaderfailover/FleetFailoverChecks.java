package dev.relaygate.gates.fleetleaderfailover;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.MemberObservation;
import dev.relaygate.gates.fleet.FleetChecks;
import dev.relaygate.gates.fleet.MemberView;
import dev.relaygate.gates.fleet.RollbackView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fleet-leader-failover claim as a pure function of what the run observed. The leader is killed
 * (SIGKILL) at the fault onset; the survivors must elect a new leader (a different id, one of them) and
 * roll back within the allowance of the onset; each survivor applies the rollback within
 * {@code applyWithinMs} of the decision and serves no green after it (plus grace).
 *
 * <p>Client failures. The load drops the killed member from its rotation just before the kill, so no
 * request may start on it after the kill. Its failures are bounded by the requests <em>in flight at the
 * kill</em>, defined as the requests sent to it that started within {@code graceMs} before the kill
 * instant: at this load a member has one or two requests open at any instant and a healthy answer takes
 * tens of ms, so a request started longer than the in-flight grace (the same 1 s the other gates allow
 * requests around a rollback) before the kill should have been answered; one that had not was stuck, not
 * cut by the kill. Every other failure (the survivors', and the killed member's from before that window) is
 * held to the auto-rollback-errors bound, and none may start after the decision plus grace.
 */
record FleetFailoverChecks(
        double rollbackWithinMs, double applyWithinMs, long graceMs, int failureBound, double failoverWithinMs) {

    /** The leader the gate killed: its index, its cluster id and the epoch ms the signal was delivered. */
    record Kill(int index, String leaderId, long epochMs) {}

    /** The first survivor status naming another leader: that id and the epoch ms its answer arrived. */
    record NewLeader(String id, long seenEpochMs) {}

    void evaluate(
            GateEvaluation eval,
            List<MemberView> members,
            List<String> memberIds,
            long rolloutStartedEpochMs,
            long onsetEpochMs,
            Kill kill,
            NewLeader newLeader,
            List<MemberObservation> measured) {
        boolean killed = kill != null && kill.epochMs() > 0 && kill.index() >= 0;
        eval.isTrue("leader_killed", killed, "the leader to have been killed at the fault onset");
        int killedIndex = killed ? kill.index() : -1;
        List<MemberView> survivors =
                members.stream().filter(m -> m.index() != killedIndex).toList();
        List<String> survivorIds =
                survivors.stream().map(MemberView::id).filter(Objects::nonNull).toList();

        boolean elected = killed
                && newLeader != null
                && newLeader.id() != null
                && !newLeader.id().equals(kill.leaderId())
                && survivorIds.contains(newLeader.id());
        eval.isTrue(
                "new_leader_elected",
                elected,
                "a survivor's status to name another survivor as leader (killed " + (killed ? kill.leaderId() : "-")
                        + ", seen " + (newLeader == null ? "none" : newLeader.id()) + ")");
        List<String> finalLeaders =
                survivors.stream().map(MemberView::leader).distinct().toList();
        eval.isTrue(
                "survivors_agree_on_new_leader",
                killed
                        && finalLeaders.size() == 1
                        && finalLeaders.get(0) != null
                        && !finalLeaders.get(0).equals(kill.leaderId())
                        && survivorIds.contains(finalLeaders.get(0)),
                "every survivor to name the same surviving leader at the end (they named " + finalLeaders + ")");
        Double failover = elected ? (double) (newLeader.seenEpochMs() - kill.epochMs()) : null;
        Double afterOnset = elected && onsetEpochMs > 0 ? (double) (newLeader.seenEpochMs() - onsetEpochMs) : null;
        eval.atMost("failover_ms", failover, "failover_within_ms", failoverWithinMs)
                .atMost("new_leader_after_onset_ms", afterOnset, "rollback_within_ms", rollbackWithinMs)
                .measured("killed_leader", killed ? kill.leaderId() : null)
                .measured("new_leader", newLeader == null ? null : newLeader.id());

        RollbackView decision = FleetChecks.decision(survivors);
        FleetChecks.rollbackTiming(eval, decision, onsetEpochMs, rollbackWithinMs);
        FleetChecks.decisionsAgree(eval, survivors);
        FleetChecks.applyLag(eval, survivors, decision, rolloutStartedEpochMs, applyWithinMs, true);
        FleetChecks.greenAfterApply(eval, survivors, measured, rolloutStartedEpochMs, graceMs);
        FleetChecks.noGreenRaisedAfterRollback(eval, survivors, rolloutStartedEpochMs);
        FleetChecks.memberHeaders(eval, memberIds, measured);

        List<MemberObservation> toKilled =
                measured.stream().filter(o -> o.sentTo(killedIndex)).toList();
        long windowStart = killed ? kill.epochMs() - graceMs : Long.MAX_VALUE;
        long inFlight = killed
                ? toKilled.stream()
                        .filter(o -> o.startEpochMs() >= windowStart && o.startEpochMs() <= kill.epochMs())
                        .count()
                : 0;
        long killedFailures =
                toKilled.stream().filter(MemberObservation::failed).count();
        Double afterKill = killed
                ? (double) toKilled.stream()
                        .filter(o -> o.startEpochMs() > kill.epochMs())
                        .count()
                : null;
        eval.atMost("requests_to_killed_after_kill", afterKill, "requests_to_killed_after_kill_max", 0)
                .measured("killed_member_in_flight_at_kill", inFlight)
                .atMost(
                        "killed_member_failures",
                        killed ? (double) killedFailures : null,
                        "killed_member_failures_max",
                        inFlight);
        List<MemberObservation> notFromKill = new ArrayList<>();
        measured.stream()
                .filter(o -> !o.sentTo(killedIndex) || o.startEpochMs() < windowStart)
                .forEach(notFromKill::add);
        FleetChecks.clientFailures(eval, "other_client_", notFromKill, failureBound, decision, graceMs);
        eval.measured("requests", (long) measured.size())
                .measured(
                        "green_served",
                        measured.stream().filter(o -> o.servedBy("green")).count());
    }
}
