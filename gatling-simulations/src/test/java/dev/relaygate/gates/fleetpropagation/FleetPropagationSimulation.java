package dev.relaygate.gates.fleetpropagation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.FleetRig;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.MemberObservation;
import dev.relaygate.gates.fleet.FleetGateSimulation;
import dev.relaygate.gates.fleet.MemberView;
import dev.relaygate.gates.fleet.RollbackView;
import dev.relaygate.mock.Profile;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Gate {@code fleet-propagation}: under light load (50 req/s), 50 manual traffic shifts (green in [0,20],
 * never the same twice in a row) go to random members 200 ms apart; each must be applied by every member
 * quickly after its call returned (p99 of the slowest member's delay &lt;= 100 ms). Then, at 200 req/s, a
 * 10% canary whose green fails 5% of requests: at the fault onset a follower is stopped (SIGSTOP) for
 * failure detection + 3 s and until the others rolled back, then resumed (SIGCONT); it must apply and show
 * the rollback within 2 s and serve no green after that.
 */
public class FleetPropagationSimulation extends FleetGateSimulation {

    static final String GATE = "fleet-propagation";
    static final GateProperties PROPS = GateProperties.of(GATE);

    private final double rate = PROPS.decimal("rate_per_sec", 200);
    private final double lightRate = PROPS.decimal("light_rate_per_sec", 50);
    private final int shifts = (int) PROPS.integer("shifts", 50);
    private final long shiftIntervalMs = PROPS.integer("shift_interval_ms", 200);
    private final int maxGreen = (int) PROPS.integer("max_green_weight", 20);
    private final double p99WithinMs = PROPS.upperLimit("propagation_p99_within_ms", 100);
    private final long canaryPercent = PROPS.integer("canary_percent", 10);
    private final double errorPercent = PROPS.decimal("green_error_percent", 5);
    private final long canaryHealthySeconds = PROPS.integer("canary_healthy_seconds", 4, 3);
    private final long pauseSeconds = PROPS.integer("pause_seconds", FleetRig.FAILURE_DETECTION_SECONDS + 3);
    private final long pauseAtMostSeconds = PROPS.integer("pause_at_most_seconds", 30);
    private final double convergenceWithinMs = PROPS.upperLimit("convergence_within_ms", 2_000);
    private final long watchSeconds = PROPS.integer("watch_after_convergence_seconds", 3);
    private final long graceMs = (long) PROPS.upperLimit("in_flight_grace_ms", 1_000);
    private final double minRequestsAfterWindow = PROPS.lowerLimit("min_paused_requests_after_window", 20);

    private final List<FleetPropagationChecks.Shift> sent = new CopyOnWriteArrayList<>();
    private volatile List<MemberView> afterShifts = List.of();
    private volatile FleetPropagationChecks.Pause pause;

    public FleetPropagationSimulation() {
        super(PROPS, PROPS.integer("warmup_seconds", 6, 4));
        // the load injects at the canary's rate; the shift phase lets one user in (rate / light rate) send
        share.oneIn((int) Math.max(1, Math.round(rate / lightRate)));
        fleetLoad(
                rate,
                2 * settleAllowanceSeconds()
                        + (shifts * shiftIntervalMs) / 1000
                        + 5
                        + canaryHealthySeconds
                        + pauseAtMostSeconds
                        + (long) Math.ceil(convergenceWithinMs / 1000)
                        + watchSeconds
                        + 10);
    }

    @Override
    protected String claim() {
        return shifts + " manual traffic shifts to random members of a three-relay cluster under " + lightRate
                + " req/s must reach every member within " + (long) p99WithinMs + " ms of the call's return (p99);"
                + " a follower stopped through a " + canaryPercent + "% canary's rollback at " + rate + " req/s"
                + " must apply and show it within " + (long) convergenceWithinMs + " ms of resuming and then"
                + " serve no green.";
    }

    @Override
    protected void choreograph() {
        control.at(Duration.ofSeconds(warmupSeconds), "shifts, paused member", () -> {
            try {
                awaitSettled();
                runShifts();
                sleep(1_000);
                afterShifts = memberViews("after-shifts");
                share.oneIn(1);
                run().event("rate_raised", rate + " req/s for the canary");
                awaitSettled();
                pausedMember();
            } finally {
                phases.requestStop();
            }
        });
    }

    private void runShifts() {
        Random random = new Random(props.seed());
        long start = System.currentTimeMillis();
        int previous = 0;
        run().event("shifts_started", shifts + " shifts, " + shiftIntervalMs + " ms apart");
        for (int i = 0; i < shifts; i++) {
            sleep(start + i * shiftIntervalMs - System.currentTimeMillis());
            int green;
            do {
                green = random.nextInt(maxGreen + 1);
            } while (green == previous);
            FleetRig.Member via = rig().member(random.nextInt(FleetRig.MEMBERS));
            AdminClient.Reply reply = via.admin().trafficShift(100 - green, green);
            long returned = System.currentTimeMillis();
            requireOk(reply, "POST /admin/traffic-shift through " + via.name());
            JsonNode version = reply.body().path("cluster_version");
            sent.add(new FleetPropagationChecks.Shift(
                    via.index(), green, returned, version.canConvertToLong() ? version.asLong() : null));
            previous = green;
        }
        run().event("shifts_done", sent.size() + " shifts sent");
    }

    private void pausedMember() {
        FleetRig.Member via = rig().member(0);
        long rolloutStarted = startPlaybookRollout(via, canaryPercent, 3600);
        sleep(canaryHealthySeconds * 1000);
        FleetRig.Member leader = rig().leader();
        FleetRig.Member paused =
                rig().members().stream().filter(m -> m != leader).findFirst().orElseThrow();
        long onset = rig().green()
                .switchProfileAt(
                        rig().green().profile().withProfile(Profile.FLAKY).withErrorPercent(errorPercent));
        eventAt(onset, "fault_onset", "green: " + errorPercent + "% errors");
        rotation.remove(paused.index());
        long stopped = rig().signal(paused, "STOP");
        eventAt(
                stopped,
                "member_stopped",
                "kill -STOP " + paused.pid() + " (" + paused.name() + " " + paused.id() + "; leader " + leader.name()
                        + ")");
        sleep(pauseSeconds * 1000);
        long deadline = stopped + pauseAtMostSeconds * 1000;
        while (!rolledBack() && System.currentTimeMillis() < deadline) {
            sleep(100);
        }
        long resumed = rig().signal(paused, "CONT");
        rotation.restore(paused.index());
        eventAt(resumed, "member_resumed", "kill -CONT " + paused.pid() + " after " + (resumed - stopped) + " ms");
        long statusConverged = -1;
        long until = resumed + 2 * (long) convergenceWithinMs;
        while (System.currentTimeMillis() < until) {
            try {
                JsonNode status = paused.probe().status().body();
                long now = System.currentTimeMillis();
                if (status.path("weights").path("green").asInt(-1) == 0 && RollbackView.of(status) != null) {
                    statusConverged = now;
                    eventAt(now, "paused_member_shows_rollback", (now - resumed) + " ms after resuming");
                    break;
                }
            } catch (RuntimeException e) {
                // still waking up; ask again
            }
            sleep(100);
        }
        pause = new FleetPropagationChecks.Pause(
                paused.index(), paused.id(), leader.id(), rolloutStarted, onset, stopped, resumed, statusConverged);
        sleep(resumed + (long) convergenceWithinMs + watchSeconds * 1000 - System.currentTimeMillis());
    }

    /** Whether a running member's status shows the cluster's rollback. */
    private boolean rolledBack() {
        for (FleetRig.Member m : rig().members()) {
            if (m.running()) {
                try {
                    if (RollbackView.of(m.probe().status().body()) != null) {
                        return true;
                    }
                } catch (RuntimeException e) {
                    // ask the next one
                }
            }
        }
        return false;
    }

    @Override
    protected void evaluate(GateEvaluation eval, List<MemberObservation> measured) {
        List<MemberView> atEnd = memberViews();
        FleetPropagationChecks checks =
                new FleetPropagationChecks(p99WithinMs, shifts, convergenceWithinMs, graceMs, minRequestsAfterWindow);
        List<Double> samples = checks.evaluate(eval, sent, afterShifts, pause, atEnd, memberIds(), measured);
        run().series("propagation_ms", FleetPropagationChecks.percentiles(samples));
    }
}
