package dev.relaygate.gates.fleet;

import dev.relaygate.gates.AppliedRecord;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.MemberObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The checks the fleet gates share, as pure functions of what a run observed (the members' views, the
 * clients' observations, the instants the gate recorded), so each loophole has a unit test fed crafted
 * data. A member whose evidence is missing fails its check: a fleet gate never passes on a member it could
 * not see.
 */
public final class FleetChecks {

    /** The judge check whose breach proves an error fault was caught by the judge, not by anything else. */
    public static final String ERROR_RATE = "error_rate";

    private FleetChecks() {}

    /**
     * The fleet's rollback decision: the earliest {@code rollout.rollback.at_millis} any asked member
     * reports (they share one cluster record, so they should agree; {@link #decisionsAgree} checks it), or
     * null when none reports one.
     */
    public static RollbackView decision(List<MemberView> members) {
        return members.stream()
                .map(MemberView::rollback)
                .filter(Objects::nonNull)
                .min(java.util.Comparator.comparingLong(RollbackView::atMillis))
                .orElse(null);
    }

    /** Every asked member that reports a rollback reports the same decision instant. */
    public static void decisionsAgree(GateEvaluation eval, List<MemberView> members) {
        long distinct = members.stream()
                .map(MemberView::rollback)
                .filter(Objects::nonNull)
                .mapToLong(RollbackView::atMillis)
                .distinct()
                .count();
        eval.isTrue(
                "members_agree_on_rollback",
                distinct <= 1,
                "every member to report the one cluster rollback (" + distinct + " different at_millis)");
    }

    /**
     * The fault was injected, the rollback came after it, within the allowance, and the judge's error-rate
     * check decided it.
     */
    public static void rollbackTiming(
            GateEvaluation eval, RollbackView decision, long onsetEpochMs, double rollbackWithinMs) {
        eval.isTrue("fault_injected", onsetEpochMs > 0, "the fault to have been injected");
        boolean early = decision != null && onsetEpochMs > 0 && decision.atMillis() < onsetEpochMs;
        eval.isTrue("no_rollback_before_fault", !early, "no rollback while green was still healthy");
        Double after =
                decision == null || onsetEpochMs <= 0 || early ? null : (double) (decision.atMillis() - onsetEpochMs);
        eval.atMost("rollback_after_ms", after, "rollback_within_ms", rollbackWithinMs)
                .isTrue(
                        "rollback_decided_by_error_rate",
                        decision != null && decision.automatic() && ERROR_RATE.equals(decision.breachedCheck()),
                        "the judge's error_rate check to have decided the rollback ("
                                + (decision == null
                                        ? "no member reports a rollback"
                                        : "automatic " + decision.automatic() + ", breached check '"
                                                + decision.breachedCheck() + "'")
                                + ")")
                .measured("breached_check", decision == null ? null : decision.breachedCheck())
                .measured("rollback_evidence", decision == null ? null : decision.reason());
    }

    /**
     * Each member applied the rollback (a ROLLED_BACK record with green 0, applied after the rollout
     * started) within {@code applyWithinMs} of the decision: the figure per member and the max, which is
     * gated. A member without the record, or without readable data, leaves the max unmeasured.
     */
    public static void applyLag(
            GateEvaluation eval,
            List<MemberView> members,
            RollbackView decision,
            long sinceEpochMs,
            double applyWithinMs,
            boolean gated) {
        List<String> missing = new ArrayList<>();
        List<String> notGreenZero = new ArrayList<>();
        double max = Double.NEGATIVE_INFINITY;
        for (MemberView m : members) {
            AppliedRecord rec = m.rollbackRecord(sinceEpochMs);
            if (rec == null || decision == null) {
                missing.add(m.name() + ": " + whyMissing(m, decision));
                eval.measured(m.key() + "_apply_lag_ms", null);
                continue;
            }
            if (rec.greenWeight() != 0) {
                notGreenZero.add(m.name() + " (green " + rec.greenWeight() + ")");
            }
            double lag = Math.max(0, rec.appliedAtMs() - decision.atMillis());
            eval.measured(m.key() + "_apply_lag_ms", lag);
            max = Math.max(max, lag);
        }
        Double figure = missing.isEmpty() && !members.isEmpty() ? max : null;
        eval.isTrue(
                "every_member_applied_rollback",
                missing.isEmpty() && !members.isEmpty(),
                "every member to have applied the rollback record" + (missing.isEmpty() ? "" : " (" + missing + ")"));
        eval.isTrue(
                "rollback_records_route_green_0",
                notGreenZero.isEmpty(),
                "every applied ROLLED_BACK record to route green 0 " + notGreenZero);
        if (gated) {
            eval.atMost("apply_lag_max_ms", figure, "apply_within_ms", applyWithinMs);
        } else {
            eval.measured("apply_lag_max_ms", figure);
        }
    }

    private static String whyMissing(MemberView m, RollbackView decision) {
        if (decision == null) {
            return "no rollback decision to measure from";
        }
        if (m.applied() == null) {
            return m.problem() == null ? "its applied records could not be read" : m.problem();
        }
        return "no ROLLED_BACK record among its " + m.applied().size() + " applied records";
    }

    /**
     * No member served green to a request that started after that member applied the rollback (plus the
     * in-flight grace). A member whose rollback record is missing cannot show it: the figure is then
     * unmeasured.
     */
    public static void greenAfterApply(
            GateEvaluation eval,
            List<MemberView> members,
            List<MemberObservation> measured,
            long sinceEpochMs,
            long graceMs) {
        long total = 0;
        boolean complete = !members.isEmpty();
        for (MemberView m : members) {
            AppliedRecord rec = m.rollbackRecord(sinceEpochMs);
            if (rec == null) {
                complete = false;
                eval.measured(m.key() + "_green_after_apply", null);
                continue;
            }
            long after = measured.stream()
                    .filter(o -> o.sentTo(m.index())
                            && o.servedBy("green")
                            && o.startEpochMs() > rec.appliedAtMs() + graceMs)
                    .count();
            eval.measured(m.key() + "_green_after_apply", after);
            total += after;
        }
        eval.atMost("green_after_apply", complete ? (double) total : null, "green_after_apply_max", 0);
    }

    /**
     * No member applied a record routing green again after its rollback record, whatever that record's
     * version: a member going back to an older CANARY record (as a merge might) routes green all the same.
     * Each such record is named in the figure's detail.
     */
    public static void noGreenRaisedAfterRollback(GateEvaluation eval, List<MemberView> members, long sinceEpochMs) {
        List<String> raised = new ArrayList<>();
        for (MemberView m : members) {
            AppliedRecord rec = m.rollbackRecord(sinceEpochMs);
            if (rec == null) {
                continue; // counted as missing by applyLag
            }
            int at = m.applied().indexOf(rec);
            m.applied().subList(at + 1, m.applied().size()).stream()
                    .filter(a -> a.greenWeight() > 0)
                    .forEach(a -> raised.add(m.name() + " applied v" + a.version() + " (" + a.phase() + ", green "
                            + a.greenWeight() + ") " + (a.appliedAtMs() - rec.appliedAtMs()) + " ms after its v"
                            + rec.version() + " rollback"));
        }
        eval.atMost("green_raised_after_rollback", (double) raised.size(), "green_raised_after_rollback_max", 0)
                .measured("green_raised_after_rollback_records", raised.isEmpty() ? "none" : String.join("; ", raised));
    }

    /**
     * Every answer names the member it was sent to in {@code X-Relay-Member}: the per-member checks rely on
     * the rotation reaching the member it names. Requests without an answer are not counted.
     */
    public static void memberHeaders(GateEvaluation eval, List<String> idsByIndex, List<MemberObservation> measured) {
        long mismatched = measured.stream()
                .filter(MemberObservation::answered)
                .filter(o -> o.member() < 0
                        || o.member() >= idsByIndex.size()
                        || idsByIndex.get(o.member()) == null
                        || !idsByIndex.get(o.member()).equals(o.relayMember()))
                .count();
        eval.atMost("member_header_mismatches", (double) mismatched, "member_header_mismatches_max", 0);
    }

    /**
     * The auto-rollback-errors bound on client failures: green's share of the rollback allowance's traffic
     * failing at the fault rate, at its 1 - 1e-4 binomial quantile.
     */
    public static int failureBound(
            double ratePerSec, long canaryPercent, double rollbackWithinMs, double errorPercent) {
        int greenRequests = (int) Math.ceil(ratePerSec * canaryPercent / 100.0 * rollbackWithinMs / 1000.0);
        return new BinomialDistribution(greenRequests, errorPercent / 100.0).inverseCumulativeProbability(1 - 1e-4);
    }

    /**
     * Client failures within {@code bound}, and none among requests that started after the rollback
     * decision plus the grace (unmeasured without a decision).
     */
    public static void clientFailures(
            GateEvaluation eval,
            String prefix,
            List<MemberObservation> observations,
            int bound,
            RollbackView decision,
            long graceMs) {
        long failed = observations.stream().filter(MemberObservation::failed).count();
        Double after = decision == null
                ? null
                : (double) observations.stream()
                        .filter(MemberObservation::failed)
                        .filter(o -> o.startEpochMs() > decision.atMillis() + graceMs)
                        .count();
        eval.atMost(prefix + "failures", (double) failed, prefix + "failures_max", bound)
                .atMost(prefix + "failures_after_rollback", after, prefix + "failures_after_rollback_max", 0);
    }
}
