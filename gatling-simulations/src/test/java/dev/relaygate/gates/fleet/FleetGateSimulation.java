package dev.relaygate.gates.fleet;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.AppliedRecord;
import dev.relaygate.gates.Choreography;
import dev.relaygate.gates.FleetObservations;
import dev.relaygate.gates.FleetRig;
import dev.relaygate.gates.FleetTimeline;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.GateRun;
import dev.relaygate.gates.LoadPhases;
import dev.relaygate.gates.MemberObservation;
import dev.relaygate.gates.MemberRotation;
import dev.relaygate.gates.PerSecond;
import dev.relaygate.gates.RelayInfo;
import dev.relaygate.gates.Rollouts;
import dev.relaygate.gates.Settle;
import dev.relaygate.gates.TimelineSampler;
import dev.relaygate.gates.load.ChatTraffic;
import dev.relaygate.gates.load.JsonLoad;
import dev.relaygate.gates.relays.Need;
import dev.relaygate.gates.relays.RelaySpec;
import dev.relaygate.mock.ProfileSettings;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The life of every fleet gate, as {@code GateSimulation} is for the single-relay gates: {@code before()}
 * opens the {@link GateRun}, starts the {@link FleetRig} (mocks plus three relay JVMs in one cluster) and
 * lets the gate schedule its control steps; the load spreads chat requests round robin over the members;
 * {@code after()} reads every member's view, runs the gate's checks and always writes a result (aborted,
 * naming the cause, when the fleet could not start: then the run is stopped rather than crashed, so the
 * gates after it still run). The fleet is ended in every case.
 */
public abstract class FleetGateSimulation extends Simulation {

    /** The settle wait's cap: a fleet gate has a wall-time budget, so it waits less than single-relay gates. */
    private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(10);

    private static final double SETTLED_P99_MS = 100;

    protected final GateProperties props;
    protected final Choreography control = new Choreography();
    protected final FleetObservations log = new FleetObservations();
    protected final MemberRotation rotation = new MemberRotation(FleetRig.MEMBERS);
    protected final LoadShare share = new LoadShare();
    protected final LoadPhases phases;
    protected final long warmupSeconds;

    private volatile FleetRig rig;
    private volatile GateRun run;
    private volatile boolean abortedInBefore;
    private volatile boolean skipped;
    private TimelineSampler timeline;

    protected FleetGateSimulation(GateProperties props, long warmupSeconds) {
        this.props = props;
        this.warmupSeconds = warmupSeconds;
        this.phases = new LoadPhases(Duration.ofSeconds(warmupSeconds));
    }

    /** The claim the gate checks, in one sentence with its figures. */
    protected abstract String claim();

    /** Schedules the gate's control steps on {@link #control}, at offsets from the start of injection. */
    protected abstract void choreograph();

    /** Adds the gate's checks and figures; the rig is still up, so members can be asked. */
    protected abstract void evaluate(GateEvaluation eval, List<MemberObservation> measured);

    /**
     * Chat load at {@code ratePerSec} users per second (of which {@link #share} lets through its part): a
     * warm-up ramp, then at most {@code measureSeconds}; a gate normally stops it earlier with
     * {@link LoadPhases#requestStop()}.
     */
    protected final SetUp fleetLoad(double ratePerSec, long measureSeconds) {
        PopulationBuilder load = scenario("fleet load")
                .exec(FleetTraffic.chat(phases, rotation, share, this::rig, log))
                .injectOpen(
                        JsonLoad.warmup(ratePerSec, warmupSeconds),
                        constantUsersPerSec(ratePerSec).during(measureSeconds));
        // the control user starts the choreography with the injection; when the fleet never came up it sends
        // one request to a closed loopback port and stops the run a second later instead, because Gatling
        // fails a run without any request or duration, which would skip the gates after this one
        PopulationBuilder controller = scenario("control")
                .exec(session -> {
                    if (!abortedInBefore && !skipped) {
                        phases.start();
                        control.start();
                    }
                    return session;
                })
                .doIf(session -> abortedInBefore || skipped)
                .then(JsonLoad.endSkippedRun(phases))
                .injectOpen(atOnceUsers(1));
        return setUp(load, controller).protocols(ChatTraffic.protocol());
    }

    @Override
    public final void before() {
        RelaySpec relay = GateRig.relaySpec(props);
        run = new GateRun(props.gate(), claim(), getClass(), props, RelayInfo.of(relay));
        String unsupported = Need.unsupportedReason(relay, Set.of(Need.RELAYGATE_FLEET));
        if (unsupported != null) {
            // written as not supported; the load sends nothing and the control user ends the run
            skipped = true;
            for (int i = 0; i < FleetRig.MEMBERS; i++) {
                rotation.remove(i);
            }
            run.notSupported(unsupported);
            return;
        }
        try {
            long start = System.nanoTime();
            rig = FleetRig.start(props, ProfileSettings.healthy(), ProfileSettings.healthy());
            StringBuilder who = new StringBuilder();
            rig.members()
                    .forEach(
                            m -> who.append(m.name()).append(' ').append(m.id()).append("; "));
            run.event(
                    "fleet_up",
                    FleetRig.MEMBERS + " members joined in " + (System.nanoTime() - start) / 1_000_000L + " ms: "
                            + who.toString().trim() + " (relay jar " + rig.relayJarSource() + ")");
            run.event("fleet_warm", FleetWarmUp.DEFAULT.run(rig).describe());
            choreograph();
            timeline = FleetTimeline.sampler(run.clock(), rig, log.log().counters())
                    .start(Duration.ofSeconds(1));
        } catch (RuntimeException e) {
            // Written as aborted, naming the cause; not rethrown: a crashed Gatling run would skip every gate
            // after this one. The control user ends the run instead.
            abortedInBefore = true;
            for (int i = 0; i < FleetRig.MEMBERS; i++) {
                rotation.remove(i); // the load sends nothing; the control user ends the run
            }
            run.aborted(e);
            close();
        } catch (Error e) {
            abortedInBefore = true;
            run.aborted(e);
            close();
            throw e;
        }
    }

    @Override
    public final void after() {
        if (abortedInBefore || skipped) {
            return;
        }
        try {
            if (timeline != null) {
                timeline.close();
            }
            List<MemberObservation> measured = log.measured();
            run.percentilesMs(log.log().latency().percentilesMs());
            run.timeline(
                    timeline != null
                            ? FleetTimeline.withClientP99(
                                    timeline.samples(), log.log().measured(), run.clock())
                            : PerSecond.of(log.log().measured(), run.clock()));
            GateEvaluation eval = new GateEvaluation();
            evaluate(eval, measured);
            control.failures().forEach(f -> eval.isTrue("control_ok", false, "every control step to succeed: " + f));
            run.finish(eval);
        } catch (Throwable e) {
            run.aborted(e);
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            close();
        }
    }

    private void close() {
        control.close();
        try {
            if (timeline != null) {
                timeline.close();
            }
        } finally {
            if (rig != null) {
                rig.close();
            }
        }
    }

    protected final FleetRig rig() {
        return rig;
    }

    protected final GateRun run() {
        return run;
    }

    /** Blocks until the warm-up queue drained (capped), records the wait as {@code settled}. */
    protected final long awaitSettled() {
        long waited = Settle.await(log.log(), SETTLED_P99_MS, SETTLE_AT_MOST);
        run.event("settled", "load settled " + waited + " ms after the warm-up");
        return waited;
    }

    protected static long settleAllowanceSeconds() {
        return SETTLE_AT_MOST.toSeconds();
    }

    /**
     * Starts a rollout through {@code via}'s admin API with the vendor playbook's thresholds (error rate 1%, p99
     * 200 ms, p99 difference 50 ms); returns the epoch ms just before the call was sent: the members may
     * apply the rollout's records before the call returns, so that is the earliest instant a record of this
     * rollout can carry.
     */
    protected final long startPlaybookRollout(FleetRig.Member via, long increment, long intervalSeconds) {
        long sent = System.currentTimeMillis();
        Rollouts.start(via.admin(), Rollouts.playbookBody((int) increment, intervalSeconds, 0.01, 200, 50));
        run.event(
                run.clock().msAtEpoch(sent),
                "rollout_started",
                "through " + via.name() + ": increment " + increment + ", interval " + intervalSeconds + " s");
        return sent;
    }

    /** Marks an epoch instant as a gate event. */
    protected final void eventAt(long epochMs, String name, String detail) {
        run.event(run.clock().msAtEpoch(epochMs), name, detail);
    }

    /**
     * Every member's view now: status (rollback, leader) and applied records; a killed member, or one that
     * does not answer, is a view with the reason and no data. What each member answered is also kept next
     * to its log ({@code member-N-<label>-status.json}, {@code member-N-<label>-applied.json}) as evidence.
     */
    protected final List<MemberView> memberViews(String label) {
        List<MemberView> out = new ArrayList<>();
        for (FleetRig.Member m : rig.members()) {
            out.add(view(m, label));
        }
        return out;
    }

    protected final List<MemberView> memberViews() {
        return memberViews("end");
    }

    private static MemberView view(FleetRig.Member m, String label) {
        if (m.state() == FleetRig.State.KILLED) {
            return new MemberView(m.index(), m.id(), m.state(), null, null, null, "killed by the gate");
        }
        if (!m.running()) {
            return new MemberView(m.index(), m.id(), m.state(), null, null, null, "not running (" + m.state() + ")");
        }
        try {
            AdminClient.Reply status = m.admin().status();
            AdminClient.Reply applied = m.admin().clusterApplied(0);
            keep(m, label + "-status", status.body());
            keep(m, label + "-applied", applied.body());
            String problem = null;
            List<AppliedRecord> records = null;
            if (applied.ok()) {
                records = AppliedRecord.parse(applied.body());
            } else {
                problem = "GET /admin/cluster/applied answered " + applied.status() + ": " + applied.body();
            }
            JsonNode body = status.body();
            return new MemberView(
                    m.index(),
                    m.id(),
                    m.state(),
                    records,
                    status.ok() ? RollbackView.of(body) : null,
                    status.ok() ? body.path("cluster").path("leader").asText(null) : null,
                    problem);
        } catch (RuntimeException e) {
            return new MemberView(m.index(), m.id(), m.state(), null, null, null, e.getMessage());
        }
    }

    private static void keep(FleetRig.Member m, String what, JsonNode body) {
        try {
            java.nio.file.Files.writeString(
                    m.log().resolveSibling(m.name() + "-" + what + ".json"), body.toPrettyString());
        } catch (java.io.IOException e) {
            // evidence only: the checks use what was read
        }
    }

    /** The members' cluster ids by index (for the {@code X-Relay-Member} check). */
    protected final List<String> memberIds() {
        return rig.members().stream().map(FleetRig.Member::id).toList();
    }

    /** Fails the control step (and so the gate) when an admin call was refused. */
    protected static void requireOk(AdminClient.Reply reply, String what) {
        if (!reply.ok()) {
            throw new IllegalStateException(what + " answered " + reply.status() + ": " + reply.body());
        }
    }

    /** Sleeps on the control thread; an interrupt (the run is ending) ends the step. */
    protected static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
