package dev.relaygate.gates.fleetrollback;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.MemberObservation;
import dev.relaygate.gates.fleet.FleetCanaryGate;
import dev.relaygate.gates.fleet.MemberView;
import java.util.List;

/**
 * Gate {@code fleet-rollback}: three relays in one cluster share a 10% canary at 200 req/s (started through
 * one member's admin API); after a healthy period green fails 5% of requests. The judge must roll back
 * within 30 s of the onset, every member must apply the rollback within 100 ms of the decision and none
 * may serve green after it applied it (plus the in-flight grace).
 */
public class FleetRollbackSimulation extends FleetCanaryGate {

    static final String GATE = "fleet-rollback";

    public FleetRollbackSimulation() {
        super(GateProperties.of(GATE));
    }

    @Override
    protected String claim() {
        return "Three clustered relays share a " + canaryPercent + "% canary at " + rate + " req/s; after "
                + healthySeconds + " s green fails " + errorPercent + "% of requests. The judge must roll back"
                + " within " + (long) rollbackWithinMs + " ms of the onset, every member must apply the rollback"
                + " within " + (long) applyWithinMs + " ms of the decision, and no member may serve green after"
                + " it applied it.";
    }

    @Override
    protected void evaluate(GateEvaluation eval, List<MemberObservation> measured) {
        List<MemberView> views = memberViews();
        recordRollbackEvents(views);
        new FleetRollbackChecks(rollbackWithinMs, applyWithinMs, graceMs, failureBound())
                .evaluate(eval, views, memberIds(), rolloutStartedEpochMs, onsetEpochMs, measured);
    }
}
