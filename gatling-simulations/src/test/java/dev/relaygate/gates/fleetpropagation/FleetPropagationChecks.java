package dev.relaygate.gates.fleetpropagation;

import dev.relaygate.gates.AppliedRecord;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.MemberObservation;
import dev.relaygate.gates.fleet.FleetChecks;
import dev.relaygate.gates.fleet.MemberView;
import dev.relaygate.gates.fleet.RollbackView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet-propagation claim as a pure function of what the run observed.
 *
 * <p>Shifts: for each manual traffic shift, {@code t_return} is the epoch ms its call returned and V the
 * {@code cluster_version} it answered; a member's apply instant is the {@code applied_at_ms} of V in its
 * {@code /admin/cluster/applied} (or, when it went straight to a newer version, of the first newer one: it
 * never ran on V, and it ran on something at least as new from then on). The shift's propagation is the
 * largest {@code applied_at_ms - t_return} over the members, clipped at 0; p99 over the shifts is gated. A
 * shift without a version, a member without the version, versions that do not rise, or an applied V whose
 * green weight is not the shift's, each fail the gate: a relay answering one version for every call, or
 * applying the wrong weights, must not pass on fast numbers.
 *
 * <p>Paused member: a follower is stopped (SIGSTOP) at a canary's fault onset and resumed after failure
 * detection plus 3 s, once the others rolled back. It must apply the rolled-back record (its applied list)
 * and show it (its status) within {@code convergenceWithinMs} of resuming, and serve no green to requests
 * started after that window; it must have run the canary before the pause (else the claim is empty), the
 * rollback must have been decided while it was stopped, and enough requests must reach it after the
 * window. Requests are not sent to it while it is stopped; those in flight at the pause are counted.
 */
record FleetPropagationChecks(
        double p99WithinMs,
        int plannedShifts,
        double convergenceWithinMs,
        long graceMs,
        double minRequestsAfterWindow) {

    /** One manual traffic shift as the gate sent it. */
    record Shift(int member, int green, long returnedEpochMs, Long version) {}

    /**
     * The paused-member episode: who, when (epoch ms), and the first status of the resumed member showing
     * the rollback (-1 when none did).
     */
    record Pause(
            int index,
            String id,
            String leaderIdAtPause,
            long rolloutStartedEpochMs,
            long onsetEpochMs,
            long pauseEpochMs,
            long resumeEpochMs,
            long statusConvergedEpochMs) {}

    /** Nearest-rank percentiles of the shifts' propagation, in ms: p50, p99, max (empty without samples). */
    static Map<String, Double> percentiles(List<Double> samples) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (samples.isEmpty()) {
            return out;
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        out.put("p50", rank(sorted, 50));
        out.put("p99", rank(sorted, 99));
        out.put("max", sorted.get(sorted.size() - 1));
        return out;
    }

    private static double rank(List<Double> sorted, double p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    /** The propagation of each shift that every member has data for, in ms; figures for the rest. */
    List<Double> evaluateShifts(GateEvaluation eval, List<Shift> shifts, List<MemberView> members) {
        eval.atLeast("shifts_sent", (double) shifts.size(), "shifts", plannedShifts);
        long withoutVersion = shifts.stream().filter(s -> s.version() == null).count();
        long notRising = 0;
        Long previous = null;
        for (Shift s : shifts) {
            if (s.version() != null) {
                if (previous != null && s.version() <= previous) {
                    notRising++;
                }
                previous = s.version();
            }
        }
        long missing = 0;
        long mismatched = 0;
        long skipped = 0;
        List<Double> samples = new ArrayList<>();
        for (Shift s : shifts) {
            if (s.version() == null) {
                continue;
            }
            double worst = 0;
            boolean complete = !members.isEmpty();
            for (MemberView m : members) {
                AppliedRecord rec = m.applied() == null
                        ? null
                        : m.applied().stream()
                                .filter(a -> a.version() >= s.version())
                                .findFirst()
                                .orElse(null);
                if (rec == null) {
                    complete = false;
                    missing++;
                    continue;
                }
                if (rec.version() == s.version()) {
                    if (rec.greenWeight() != s.green()) {
                        mismatched++;
                    }
                } else {
                    skipped++;
                }
                worst = Math.max(worst, rec.appliedAtMs() - s.returnedEpochMs());
            }
            if (complete) {
                samples.add(worst);
            }
        }
        Map<String, Double> p = percentiles(samples);
        eval.atMost("shifts_without_cluster_version", (double) withoutVersion, "shifts_without_cluster_version_max", 0)
                .atMost("cluster_versions_not_rising", (double) notRising, "cluster_versions_not_rising_max", 0)
                .atMost("member_versions_missing", (double) missing, "member_versions_missing_max", 0)
                .atMost("applied_weight_mismatches", (double) mismatched, "applied_weight_mismatches_max", 0)
                .atMost("propagation_p99_ms", p.get("p99"), "propagation_p99_within_ms", p99WithinMs)
                .measured("propagation_p50_ms", p.get("p50"))
                .measured("propagation_max_ms", p.get("max"))
                .measured("propagation_samples", (long) samples.size())
                .measured("versions_skipped_by_a_member", skipped);
        return samples;
    }

    void evaluatePause(GateEvaluation eval, Pause pause, List<MemberView> members, List<MemberObservation> measured) {
        boolean ran = pause != null && pause.pauseEpochMs() > 0 && pause.resumeEpochMs() > 0;
        eval.isTrue("member_paused_and_resumed", ran, "a follower to have been stopped and resumed");
        if (!ran) {
            eval.atMost("paused_member_convergence_ms", null, "convergence_within_ms", convergenceWithinMs);
            return;
        }
        eval.isTrue(
                "paused_member_was_follower",
                pause.id() != null && !pause.id().equals(pause.leaderIdAtPause()),
                "the paused member not to be the leader (" + pause.id() + ", leader " + pause.leaderIdAtPause() + ")");
        eval.measured("pause_ms", pause.resumeEpochMs() - pause.pauseEpochMs());
        MemberView paused = members.get(pause.index());
        List<MemberView> others =
                members.stream().filter(m -> m.index() != pause.index()).toList();
        RollbackView decision = FleetChecks.decision(members);
        eval.isTrue(
                "rollback_while_paused",
                decision != null
                        && decision.atMillis() >= pause.pauseEpochMs()
                        && decision.atMillis() < pause.resumeEpochMs(),
                "the fleet to have rolled back while the member was stopped ("
                        + (decision == null
                                ? "no rollback"
                                : "decided " + (decision.atMillis() - pause.pauseEpochMs())
                                        + " ms after the pause, which lasted "
                                        + (pause.resumeEpochMs() - pause.pauseEpochMs()) + " ms")
                        + ")");
        eval.measured(
                "rollback_after_ms",
                decision == null || pause.onsetEpochMs() <= 0 ? null : decision.atMillis() - pause.onsetEpochMs());
        boolean ranCanary = paused.applied() != null
                && paused.applied().stream()
                        .anyMatch(a -> a.greenWeight() > 0
                                && a.appliedAtMs() >= pause.rolloutStartedEpochMs()
                                && a.appliedAtMs() < pause.pauseEpochMs());
        long greenBefore = measured.stream()
                .filter(o -> o.sentTo(pause.index())
                        && o.servedBy("green")
                        && o.startEpochMs() >= pause.rolloutStartedEpochMs()
                        && o.startEpochMs() < pause.pauseEpochMs())
                .count();
        eval.isTrue(
                "paused_member_ran_canary_before_pause",
                ranCanary && greenBefore > 0,
                "the paused member to have applied the canary and served green before it was stopped (applied: "
                        + ranCanary + ", green answers: " + greenBefore + ")");

        AppliedRecord rec = paused.rollbackRecord(pause.rolloutStartedEpochMs());
        Double convergence = rec == null ? null : (double) Math.max(0, rec.appliedAtMs() - pause.resumeEpochMs());
        Double statusConvergence = pause.statusConvergedEpochMs() > 0
                ? (double) Math.max(0, pause.statusConvergedEpochMs() - pause.resumeEpochMs())
                : null;
        long windowEnd = pause.resumeEpochMs() + (long) convergenceWithinMs;
        List<MemberObservation> toPaused =
                measured.stream().filter(o -> o.sentTo(pause.index())).toList();
        eval.atMost("paused_member_convergence_ms", convergence, "convergence_within_ms", convergenceWithinMs)
                .atMost(
                        "paused_member_status_convergence_ms",
                        statusConvergence,
                        "convergence_within_ms",
                        convergenceWithinMs)
                .atMost(
                        "paused_member_green_after_convergence_window",
                        (double) toPaused.stream()
                                .filter(o -> o.servedBy("green") && o.startEpochMs() > windowEnd)
                                .count(),
                        "paused_member_green_after_convergence_window_max",
                        0)
                .atLeast(
                        "paused_member_requests_after_convergence_window",
                        (double) toPaused.stream()
                                .filter(o -> o.startEpochMs() > windowEnd)
                                .count(),
                        "min_paused_requests_after_window",
                        minRequestsAfterWindow)
                .atMost(
                        "requests_to_paused_member_while_stopped",
                        (double) toPaused.stream()
                                .filter(o -> o.startEpochMs() > pause.pauseEpochMs()
                                        && o.startEpochMs() < pause.resumeEpochMs())
                                .count(),
                        "requests_to_paused_member_while_stopped_max",
                        0);
        List<MemberObservation> inFlight = toPaused.stream()
                .filter(o ->
                        o.startEpochMs() >= pause.pauseEpochMs() - graceMs && o.startEpochMs() <= pause.pauseEpochMs())
                .toList();
        eval.measured("paused_member_in_flight_at_pause", (long) inFlight.size())
                .measured(
                        "paused_member_in_flight_failed",
                        inFlight.stream().filter(MemberObservation::failed).count());

        FleetChecks.applyLag(eval, others, decision, pause.rolloutStartedEpochMs(), Double.NaN, false);
        FleetChecks.greenAfterApply(eval, others, measured, pause.rolloutStartedEpochMs(), graceMs);
        FleetChecks.noGreenRaisedAfterRollback(eval, members, pause.rolloutStartedEpochMs());
    }

    /** Both parts and the header check; returns the shifts' propagation samples (ms) for the series. */
    List<Double> evaluate(
            GateEvaluation eval,
            List<Shift> shifts,
            List<MemberView> afterShifts,
            Pause pause,
            List<MemberView> atEnd,
            List<String> memberIds,
            List<MemberObservation> measured) {
        List<Double> samples = evaluateShifts(eval, shifts, afterShifts);
        evaluatePause(eval, pause, atEnd, measured);
        FleetChecks.memberHeaders(eval, memberIds, measured);
        eval.measured("requests", (long) measured.size())
                .measured(
                        "client_failures",
                        measured.stream().filter(MemberObservation::failed).count());
        return samples;
    }
}
