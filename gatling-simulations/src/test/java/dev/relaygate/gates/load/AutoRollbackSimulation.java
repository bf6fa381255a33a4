package dev.relaygate.gates.load;

import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.RolloutEventView;
import dev.relaygate.gates.Rollouts;
import dev.relaygate.mock.ProfileSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The two automatic-rollback gates share one run shape: a canary at a fixed green weight under constant
 * load, green degraded at a recorded instant, the relay's judge expected to roll back within the vendor playbook's
 * 30 s, then a short watch that nothing sends traffic back to green. The load stops early once that
 * watch is over, so a fast rollback makes a short gate.
 */
public abstract class AutoRollbackSimulation extends JsonLoadGate {

    private final String faultName;
    private final double rate;
    private final long warmupSeconds;
    private final long healthySeconds;
    private final long canaryPercent;
    private final double rollbackWithinMs;
    private final long watchSeconds;
    private final long graceMs;
    private volatile long onsetEpochMs;

    /** The judge checks whose breach proves the gate's claim, by their names in the relay's rollback evidence. */
    private final Set<String> decidingChecks;

    protected AutoRollbackSimulation(String gate, String faultName, Set<String> decidingChecks) {
        this(GateProperties.of(gate), faultName, decidingChecks);
    }

    private AutoRollbackSimulation(GateProperties props, String faultName, Set<String> decidingChecks) {
        super(props, props.integer("warmup_seconds", 12, 6));
        this.faultName = faultName;
        this.decidingChecks = Set.copyOf(decidingChecks);
        this.rate = props.decimal("rate_per_sec", 200);
        this.warmupSeconds = props.integer("warmup_seconds", 12, 6);
        this.healthySeconds = props.integer("healthy_seconds", 15, 5);
        this.canaryPercent = props.integer("canary_percent", 10);
        this.rollbackWithinMs = props.upperLimit("rollback_within_ms", 30_000);
        this.watchSeconds = props.integer("watch_after_rollback_seconds", 10, 3);
        // requests already in flight when the rollback lands may still finish on green
        this.graceMs = (long) props.upperLimit("in_flight_grace_ms", 1_000);
        // the longest the load may run: the settle wait, healthy canary, the whole rollback allowance and
        // the watch; it normally stops soon after the watch
        jsonLoad(
                rate,
                settleAllowanceSeconds()
                        + healthySeconds
                        + (long) Math.ceil(rollbackWithinMs / 1000)
                        + watchSeconds
                        + 5);
    }

    /** Green's degraded profile, made from its current one. */
    protected abstract ProfileSettings degrade(ProfileSettings current);

    /**
     * Adds the gate's own client-side checks, given the measured observations and the rollback's epoch ms
     * (-1 without rollback).
     */
    protected abstract void clientChecks(GateEvaluation eval, List<Observation> measured, long rollbackEpochMs);

    @Override
    protected final String claim() {
        return "A " + canaryPercent + "% canary at " + rate + " req/s; after " + healthySeconds + " s green gets "
                + faultName + "; the relay's "
                + String.join(" or ", decidingChecks.stream().sorted().toList())
                + " check must roll back within " + (long) rollbackWithinMs
                + " ms of the fault onset, client failures stay bounded and nothing returns traffic to green.";
    }

    @Override
    protected final void choreograph(AdminClient admin) {
        // one sequential control step: a settle wait must not let the fault fire without a healthy canary
        control.at(Duration.ofSeconds(warmupSeconds), "canary, fault, watch", () -> {
            awaitSettled();
            // an hour-long step: the canary stays at its weight until the judge acts
            startPlaybookRollout(admin, canaryPercent, 3600);
            sleep(healthySeconds * 1000);
            onsetEpochMs = rig().green().switchProfileAt(degrade(rig().green().profile()));
            run().event(run().clock().msAtEpoch(onsetEpochMs), "fault_onset", "green: " + faultName);
            awaitRollback(admin);
            sleep(watchSeconds * 1000);
            phases.requestStop();
        });
    }

    /** Polls the events twice a second until the rollback lands or the allowance (plus a margin) passes. */
    private void awaitRollback(AdminClient admin) {
        long deadline = onsetEpochMs + (long) rollbackWithinMs + 5_000;
        while (System.currentTimeMillis() < deadline
                && Rollouts.first(Rollouts.events(admin), "ROLLED_BACK", onsetEpochMs - 60_000) == null) {
            sleep(500);
        }
    }

    @Override
    protected final void evaluate(GateEvaluation eval, List<Observation> measured) {
        List<RolloutEventView> events = rolloutEvents();
        new AutoRollbackChecks(rollbackWithinMs, graceMs, decidingChecks)
                .evaluate(
                        eval, events, measured, onsetEpochMs, o -> run().clock().epochMsAt(o.startNanos()));
        RolloutEventView rb = Rollouts.first(events, "ROLLED_BACK", 0);
        clientChecks(eval, measured, rb == null ? -1 : rb.epochMs());
    }

    /** Whether {@code o} started after the epoch instant {@code epochMs}. */
    protected final boolean startedAfter(Observation o, long epochMs) {
        return run().clock().epochMsAt(o.startNanos()) > epochMs;
    }

    protected final double rate() {
        return rate;
    }

    protected final long canaryPercent() {
        return canaryPercent;
    }

    protected final double rollbackWithinMs() {
        return rollbackWithinMs;
    }

    protected final long graceMs() {
        return graceMs;
    }
}
