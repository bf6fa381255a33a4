package dev.relaygate.gates.fleetleaderfailover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaygate.gates.FleetRig;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.MemberObservation;
import dev.relaygate.gates.fleet.FleetCanaryGate;
import dev.relaygate.gates.fleet.MemberView;
import java.util.List;

/**
 * Gate {@code fleet-leader-failover}: the fleet-rollback run, but at the fault onset the leader is killed
 * with SIGKILL (and dropped from the load's rotation). The survivors must elect a new leader within 5 s of the
 * kill (the fleet's takeover claim; kill to a survivor's status naming the new leader, polled every 100 ms) and
 * roll back within 30 s of the onset; only the killed member's in-flight requests may fail beyond the
 * auto-rollback-errors bound, and no survivor may serve green after it applied the rollback.
 */
public class FleetLeaderFailoverSimulation extends FleetCanaryGate {

    static final String GATE = "fleet-leader-failover";

    private final double failoverWithinMs;
    private volatile FleetRig.Member leader;
    private volatile FleetFailoverChecks.Kill kill;
    private volatile FleetFailoverChecks.NewLeader newLeader;

    public FleetLeaderFailoverSimulation() {
        super(GateProperties.of(GATE));
        this.failoverWithinMs = props.upperLimit("failover_within_ms", 5_000);
    }

    @Override
    protected String claim() {
        return "Three clustered relays share a " + canaryPercent + "% canary at " + rate + " req/s; when green"
                + " starts failing " + errorPercent + "% of requests the leader is killed (SIGKILL). The survivors"
                + " must elect a new leader and roll back within " + (long) rollbackWithinMs + " ms of the onset,"
                + " apply it within " + (long) applyWithinMs + " ms of the decision and serve no green after it;"
                + " only the killed member's in-flight requests may fail beyond the error bound.";
    }

    @Override
    protected void beforeOnset() {
        leader = rig().leader();
        eventAt(System.currentTimeMillis(), "leader_found", leader.name() + " " + leader.id());
    }

    @Override
    protected void atOnset(long onsetEpochMs) {
        // no request may start on the leader from the kill on: out of the rotation first, then the signal
        rotation.remove(leader.index());
        long at = rig().signal(leader, "KILL");
        kill = new FleetFailoverChecks.Kill(leader.index(), leader.id(), at);
        eventAt(at, "leader_killed", "kill -KILL " + leader.pid() + " (" + leader.name() + " " + leader.id() + ")");
    }

    @Override
    protected void onStatus(FleetRig.Member member, JsonNode status, long epochMs) {
        if (kill == null || newLeader != null) {
            return;
        }
        String named = status.path("cluster").path("leader").asText("");
        if (!named.isBlank() && !named.equals(kill.leaderId())) {
            newLeader = new FleetFailoverChecks.NewLeader(named, epochMs);
            eventAt(epochMs, "new_leader_seen", named + " in " + member.name() + "'s status");
        }
    }

    @Override
    protected boolean stillWaiting() {
        return kill != null && newLeader == null;
    }

    @Override
    protected void evaluate(GateEvaluation eval, List<MemberObservation> measured) {
        List<MemberView> views = memberViews();
        recordRollbackEvents(views);
        new FleetFailoverChecks(rollbackWithinMs, applyWithinMs, graceMs, failureBound(), failoverWithinMs)
                .evaluate(eval, views, memberIds(), rolloutStartedEpochMs, onsetEpochMs, kill, newLeader, measured);
    }
}
