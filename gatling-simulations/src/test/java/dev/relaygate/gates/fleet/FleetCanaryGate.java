package dev.relaygate.gates.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaygate.gates.FleetRig;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.mock.Profile;
import java.time.Duration;

/**
 * The run shape of the fleet's automatic-rollback gates: a canary at a fixed green weight under constant
 * load spread over the three members, started through one member's admin API; after a healthy period
 * green fails a share of its requests from a recorded instant (the onset), a gate may act on the fleet at
 * that instant (kill the leader), then the members' status is polled every 100 ms until the cluster's
 * rollback shows and the gate has seen what it waits for; a short watch follows and the load stops.
 */
public abstract class FleetCanaryGate extends FleetGateSimulation {

    /** How often the members' status is read while waiting for the rollback (and a new leader). */
    protected static final long POLL_MS = 100;

    protected final double rate;
    protected final long healthySeconds;
    protected final long canaryPercent;
    protected final double errorPercent;
    protected final double rollbackWithinMs;
    protected final double applyWithinMs;
    protected final long graceMs;
    protected final long watchSeconds;

    protected volatile long rolloutStartedEpochMs;
    protected volatile long onsetEpochMs;
    protected volatile RollbackView firstSeenRollback;

    protected FleetCanaryGate(GateProperties props) {
        super(props, props.integer("warmup_seconds", 6, 4));
        this.rate = props.decimal("rate_per_sec", 200);
        this.healthySeconds = props.integer("healthy_seconds", 10, 6);
        this.canaryPercent = props.integer("canary_percent", 10);
        this.errorPercent = props.decimal("green_error_percent", 5);
        this.rollbackWithinMs = props.upperLimit("rollback_within_ms", 30_000);
        this.applyWithinMs = props.upperLimit("apply_within_ms", 100);
        // requests already in flight when a member applies the rollback may still finish on green
        this.graceMs = (long) props.upperLimit("in_flight_grace_ms", 1_000);
        this.watchSeconds = props.integer("watch_after_rollback_seconds", 3, 2);
        fleetLoad(
                rate,
                settleAllowanceSeconds()
                        + healthySeconds
                        + (long) Math.ceil(rollbackWithinMs / 1000)
                        + watchSeconds
                        + 10);
    }

    /** Runs just before green degrades (e.g. find the leader). */
    protected void beforeOnset() {}

    /** Runs right after green degraded at {@code onsetEpochMs} (e.g. kill the leader). */
    protected void atOnset(long onsetEpochMs) {}

    /** Sees every status read while waiting for the rollback, with the epoch ms its answer arrived. */
    protected void onStatus(FleetRig.Member member, JsonNode status, long epochMs) {}

    /** Whether to keep polling after the rollback showed (e.g. no new leader seen yet). */
    protected boolean stillWaiting() {
        return false;
    }

    /** The member whose admin API starts the rollout. */
    protected FleetRig.Member rolloutVia() {
        return rig().member(0);
    }

    @Override
    protected final void choreograph() {
        control.at(Duration.ofSeconds(warmupSeconds), "canary, fault, rollback watch", () -> {
            try {
                awaitSettled();
                // an hour-long step: the canary stays at its weight until the judge acts
                rolloutStartedEpochMs = startPlaybookRollout(rolloutVia(), canaryPercent, 3600);
                sleep(healthySeconds * 1000);
                beforeOnset();
                onsetEpochMs = rig().green()
                        .switchProfileAt(rig().green()
                                .profile()
                                .withProfile(Profile.FLAKY)
                                .withErrorPercent(errorPercent));
                eventAt(onsetEpochMs, "fault_onset", "green: " + errorPercent + "% errors");
                atOnset(onsetEpochMs);
                awaitRollback();
                sleep(watchSeconds * 1000);
            } finally {
                phases.requestStop();
            }
        });
    }

    private void awaitRollback() {
        long deadline = onsetEpochMs + (long) rollbackWithinMs + 5_000;
        while (System.currentTimeMillis() < deadline) {
            for (FleetRig.Member m : rig().members()) {
                if (!m.running()) {
                    continue;
                }
                JsonNode status;
                try {
                    status = m.probe().status().body();
                } catch (RuntimeException e) {
                    continue; // a member busy rejoining; the next poll asks again
                }
                long now = System.currentTimeMillis();
                RollbackView rb = RollbackView.of(status);
                if (rb != null && firstSeenRollback == null) {
                    firstSeenRollback = rb;
                    eventAt(now, "rollback_seen", "first in " + m.name() + "'s status");
                }
                onStatus(m, status, now);
            }
            if (firstSeenRollback != null && !stillWaiting()) {
                return;
            }
            sleep(POLL_MS);
        }
    }

    /** The failure bound of auto-rollback-errors for this load and fault. */
    protected final int failureBound() {
        return FleetChecks.failureBound(rate, canaryPercent, rollbackWithinMs, errorPercent);
    }

    /** Records the decision and each member's rollback record as gate events. */
    protected final void recordRollbackEvents(java.util.List<MemberView> views) {
        RollbackView decision = FleetChecks.decision(views);
        if (decision == null) {
            return;
        }
        eventAt(decision.atMillis(), "rollback_decided", decision.breachedCheck() + ": " + decision.reason());
        for (MemberView v : views) {
            var rec = v.rollbackRecord(rolloutStartedEpochMs);
            if (rec != null) {
                eventAt(
                        rec.appliedAtMs(),
                        v.key() + "_applied_rollback",
                        "version " + rec.version() + ", " + (rec.appliedAtMs() - decision.atMillis())
                                + " ms after the decision");
            }
        }
    }
}
