package dev.relaygate.gates.load;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.RolloutEventView;
import dev.relaygate.gates.Rollouts;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The checks both automatic-rollback gates share, as a pure function of what the run observed: the
 * relay's rollout events, the clients' observations and the fault's onset. Kept apart from the simulation
 * so each loophole has a unit test fed crafted observations.
 *
 * @param rollbackWithinMs  the allowance from fault onset to rollback
 * @param graceMs           requests already in flight when the rollback lands may still finish on green
 * @param decidingChecks    the judge checks whose breach proves this gate's claim (e.g. the latency checks
 *                          for a latency fault: a rollback for another reason proves nothing about them)
 */
record AutoRollbackChecks(double rollbackWithinMs, long graceMs, Set<String> decidingChecks) {

    /** Epoch ms of the fault onset (0 when it was never injected) and of each request's start. */
    void evaluate(
            GateEvaluation eval,
            List<RolloutEventView> events,
            List<Observation> measured,
            long onsetEpochMs,
            ToLongFunction<Observation> startEpochMs) {
        RolloutEventView rb = Rollouts.first(events, "ROLLED_BACK", 0);
        eval.isTrue("fault_injected", onsetEpochMs > 0, "the fault to have been injected");
        boolean falseRollback = rb != null && onsetEpochMs > 0 && rb.epochMs() < onsetEpochMs;
        eval.isTrue("no_rollback_before_fault", !falseRollback, "no rollback while green was still healthy");
        Double after = rb == null || onsetEpochMs == 0 || falseRollback ? null : (double) (rb.epochMs() - onsetEpochMs);
        eval.atMost("rollback_after_ms", after, "rollback_within_ms", rollbackWithinMs)
                .isTrue(
                        "rollback_decided_by_"
                                + String.join(
                                        "_or_", decidingChecks.stream().sorted().toList()),
                        rb != null && decidingChecks.contains(rb.breachedCheck()),
                        "the rollback to have been decided by "
                                + String.join(
                                        " or ", decidingChecks.stream().sorted().toList()) + " (it was "
                                + (rb == null ? "never rolled back" : "decided by '" + rb.breachedCheck() + "'") + ")")
                .measured("breached_check", rb == null ? null : rb.breachedCheck());
        long regreens = rb == null
                ? 0
                : events.stream()
                        .filter(e -> e.changesWeight() && e.epochMs() > rb.epochMs() && e.greenWeight() > 0)
                        .count();
        eval.atMost("green_raised_after_rollback", (double) regreens, "green_raised_after_rollback_max", 0);
        long greenAfter = rb == null
                ? 0
                : measured.stream()
                        .filter(o -> startEpochMs.applyAsLong(o) > rb.epochMs() + graceMs && o.servedBy("green"))
                        .count();
        eval.atMost("green_served_after_rollback", (double) greenAfter, "green_served_after_rollback_max", 0)
                .measured("requests", (long) measured.size())
                .measured(
                        "client_errors",
                        measured.stream().filter(Observation::failed).count())
                .measured(
                        "green_served",
                        measured.stream().filter(o -> o.servedBy("green")).count())
                .measured("rollback_evidence", rb == null ? null : rb.message());
    }
}
