package dev.relaygate.gates.fleetoverhead;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.relaygate.gates.FleetRig;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.GateRun;
import dev.relaygate.gates.LoadPhases;
import dev.relaygate.gates.OpenLoopClient;
import dev.relaygate.gates.OpenLoopClient.Target;
import dev.relaygate.gates.ProcessCpu;
import dev.relaygate.gates.RelayInfo;
import dev.relaygate.gates.load.ChatTraffic;
import dev.relaygate.gates.load.JsonLoad;
import dev.relaygate.gates.relayoverhead.OverheadMeasurement;
import dev.relaygate.gates.relayoverhead.OverheadMeasurement.Arm;
import dev.relaygate.gates.relayoverhead.OverheadMeasurement.Figures;
import dev.relaygate.gates.relays.Need;
import dev.relaygate.gates.relays.RelaySpec;
import dev.relaygate.mock.ProfileSettings;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Gate {@code fleet-overhead}: what being a fleet member costs a relay. Three clustered relay JVMs and one relay on
 * its own run from the same jar with the same flags (C2, as in production), in front of the same instant mock;
 * after a warm-up, open-loop blocks at 1,000 req/s rotate direct, solo and one member (the reverse order every
 * other round). Gated: the CPU the member's clustering threads use over its blocks, per request it answered, may
 * be at most 5% of the rest of its CPU per request ({@link FleetOverheadChecks} says why this and not the two
 * processes side by side, which is reported). Then one member is killed and a new one joins the
 * running fleet, timed from launch until it serves with the fleet's record applied. The measurement runs in
 * {@code before()}, alone on the machine's cores; the Gatling scenario after it is a short smoke check.
 */
public class FleetOverheadSimulation extends Simulation {

    static final String GATE = "fleet-overhead";
    static final GateProperties PROPS = GateProperties.of(GATE);
    static final double RATE = PROPS.decimal("rate_per_sec", 1000);
    static final long BLOCK_SECONDS = PROPS.integer("block_seconds", 1, 1);
    static final long ROUNDS = PROPS.integer("block_rounds", 12, 8);
    static final long WARMUP_ROUNDS = PROPS.integer("warmup_rounds", 1, 1);
    static final long SATURATION_SECONDS = PROPS.integer("saturation_seconds", 2, 2);
    static final long CONCURRENCY = PROPS.integer("saturation_concurrency", 64);
    static final double CLUSTERING_SHARE_MAX = PROPS.upperLimit("clustering_cpu_share_max", 0.05);
    static final double FAILED_RATIO_BELOW = PROPS.upperLimit("failed_ratio_below", 0.001);
    static final long WARMUP_SATURATED_ROUNDS = PROPS.integer("warmup_saturated_rounds", 3, 1);
    private static final Duration COMPILERS_QUIET_AT_MOST = Duration.ofSeconds(15);
    /** Quiet: under 10 ms of compiling in half a second (2% of a core) in each relay. */
    private static final long COMPILERS_QUIET_NANOS_PER_HALF_SECOND = 10_000_000;

    static final long SMOKE_SECONDS = PROPS.integer("smoke_seconds", 2, 2);
    private static final Duration START_AT_MOST = Duration.ofSeconds(60);

    private final LoadPhases phases = new LoadPhases(Duration.ZERO);
    private volatile FleetRig rig;
    private volatile GateRun run;
    private volatile boolean notRun;
    private volatile Figures solo;
    private volatile Figures member;
    private volatile Double joinMs;

    public FleetOverheadSimulation() {
        setUp(
                        scenario("member-smoke")
                                .exitHereIf(session -> notRun)
                                .exec(http("chat")
                                        .post(session -> rig.member(0).url() + "/v1/chat/completions")
                                        .header("Authorization", "Bearer " + GateRig.CLIENT_KEY)
                                        .body(StringBody(session -> ChatTraffic.body(session.userId(), false)))
                                        .check(status().is(200)))
                                .injectOpen(constantUsersPerSec(20).during(SMOKE_SECONDS)),
                        // a gate that did not run still ends its run with a request (Gatling fails a run without one)
                        scenario("control")
                                .doIf(session -> notRun)
                                .then(exec(JsonLoad.endSkippedRun(phases)))
                                .injectOpen(atOnceUsers(1)))
                .protocols(ChatTraffic.protocol());
    }

    private static String claim() {
        return "Clustering adds at most " + Math.round(CLUSTERING_SHARE_MAX * 100) + "% CPU per request: a fleet"
                + " member's clustering threads' CPU per answered request against the rest of its CPU per request"
                + " (JIT compilers left out), open loop at " + RATE + " req/s in " + ROUNDS + " rounds of "
                + BLOCK_SECONDS + " s blocks rotating direct, a relay on its own (same jar and JVM flags) and the"
                + " member; the two whole processes' CPU per request side by side, added latency, saturated"
                + " throughput and a new member's join time reported.";
    }

    @Override
    public void before() {
        RelaySpec relay = GateRig.relaySpec(PROPS);
        run = new GateRun(GATE, claim(), getClass(), PROPS, RelayInfo.of(relay));
        String unsupported = Need.unsupportedReason(relay, Set.of(Need.RELAYGATE_FLEET));
        if (unsupported != null) {
            notRun = true;
            phases.skip();
            run.notSupported(unsupported);
            return;
        }
        try {
            ProfileSettings instant =
                    ProfileSettings.healthy().withTimeToFirstEventMs(0).withGapBetweenEventsMs(0);
            long start = System.nanoTime();
            rig = FleetRig.start(PROPS, instant, instant, FleetRig.Jit.TIERED);
            FleetRig.Member alone = rig.startSolo(START_AT_MOST);
            run.event(
                    "relays_up",
                    FleetRig.MEMBERS + " members and a relay on its own up in "
                            + (System.nanoTime() - start) / 1_000_000 + " ms (relay jar " + rig.relayJarSource() + ")");
            measure(alone, rig.member(1));
            joinMs = timeAJoin();
        } catch (RuntimeException e) {
            // aborted, naming the cause; not rethrown, so the gates after this one still run
            notRun = true;
            phases.skip();
            run.aborted(e);
            close();
        } catch (Error e) {
            notRun = true;
            run.aborted(e);
            close();
            throw e;
        }
    }

    private void measure(FleetRig.Member alone, FleetRig.Member inFleet) {
        ProcessCpu soloCpu = new ProcessCpu(alone.pid());
        ProcessCpu memberCpu = new ProcessCpu(inFleet.pid(), FleetRig::isClusteringThread);
        Target soloTarget = new Target("solo", alone.url() + "/v1/chat/completions", GateRig.CLIENT_KEY);
        Target memberTarget = new Target("member", inFleet.url() + "/v1/chat/completions", GateRig.CLIENT_KEY);
        try (OpenLoopClient client = new OpenLoopClient((int) CONCURRENCY, ChatTraffic.body(1, false))) {
            warmUp(client, List.of(soloTarget, memberTarget), List.of(soloCpu, memberCpu));
            List<Figures> figures = new OverheadMeasurement(
                            client,
                            new Target("direct", rig.blue().baseUrl() + "/chat/completions", GateRig.BLUE_KEY),
                            List.of(
                                    new Arm(soloTarget, soloCpu::nanos),
                                    new Arm(memberTarget, memberCpu::nanos, memberCpu::partNanos)))
                    .runAll(
                            RATE,
                            Duration.ofSeconds(BLOCK_SECONDS),
                            WARMUP_ROUNDS,
                            ROUNDS,
                            (int) CONCURRENCY,
                            Duration.ofSeconds(SATURATION_SECONDS),
                            () -> {});
            solo = figures.get(0);
            member = figures.get(1);
            run.event(
                    "solo_cpu_us_by_round",
                    solo.relayOwnCpuUsPerRequestByRound().toString());
            run.event(
                    "member_cpu_us_by_round",
                    member.relayOwnCpuUsPerRequestByRound().toString());
            run.event("member_clustering_cpu_us", String.valueOf(member.relayPartCpuUsPerRequestAtRate()));
            run.event(
                    "jit_compilers_cpu_ms",
                    "solo " + soloCpu.compilerNanos() / 1_000_000 + ", member "
                            + memberCpu.compilerNanos() / 1_000_000
                            + " (left out of CPU per request)");
        }
    }

    /**
     * Saturating warm-up rounds through both relays, then a wait (bounded) until neither relay's JIT compilers
     * are busy: C2 still recompiling the hot path while blocks are measured made the two relays' costs differ by
     * chance (which one it was compiling, in which block).
     */
    private void warmUp(OpenLoopClient client, List<Target> targets, List<ProcessCpu> meters) {
        long start = System.nanoTime();
        for (long i = 0; i < WARMUP_SATURATED_ROUNDS; i++) {
            targets.forEach(t -> client.closedLoop(t, (int) CONCURRENCY, Duration.ofSeconds(2)));
        }
        long[] compiled = new long[meters.size()];
        for (int m = 0; m < meters.size(); m++) {
            meters.get(m).nanos();
            compiled[m] = meters.get(m).compilerNanos();
        }
        long quietDeadline = System.nanoTime() + COMPILERS_QUIET_AT_MOST.toNanos();
        boolean quiet = false;
        while (!quiet && System.nanoTime() < quietDeadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the relays' compilers", e);
            }
            quiet = true;
            for (int m = 0; m < meters.size(); m++) {
                meters.get(m).nanos();
                long now = meters.get(m).compilerNanos();
                quiet &= now - compiled[m] < COMPILERS_QUIET_NANOS_PER_HALF_SECOND;
                compiled[m] = now;
            }
        }
        run.event(
                "warmed_up",
                WARMUP_SATURATED_ROUNDS + " saturated rounds through each relay, then "
                        + (quiet ? "both relays' JIT compilers quiet" : "the compilers still busy (measured anyway)")
                        + " after " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /** Kills the last member, then times a new member's join: launch to serving with the fleet's record applied. */
    private Double timeAJoin() {
        FleetRig.Member leaving = rig.member(FleetRig.MEMBERS - 1);
        rig.signal(leaving, "KILL");
        run.event("member_killed", leaving.name() + " killed so a new member can take its place");
        long t0 = System.nanoTime();
        FleetRig.Member joined = rig.join(FleetRig.MEMBERS, START_AT_MOST);
        double ms = (System.nanoTime() - t0) / 1e6;
        run.event(
                "member_joined",
                joined.name() + " (" + joined.id() + ") joined and applied the record in " + Math.round(ms) + " ms");
        return ms;
    }

    @Override
    public void after() {
        if (notRun) {
            return;
        }
        try {
            GateEvaluation eval = new GateEvaluation();
            new FleetOverheadChecks(CLUSTERING_SHARE_MAX, FAILED_RATIO_BELOW)
                    .evaluate(eval, arm(solo), arm(member), solo.directSent(), solo.directFailed(), joinMs);
            run.percentilesMs(member.relayed().percentilesMs());
            run.series("direct_us", solo.direct().percentilesUs());
            run.series("solo_us", solo.relayed().percentilesUs());
            run.series("member_us", member.relayed().percentilesUs());
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

    private static FleetOverheadChecks.Arm arm(Figures f) {
        return new FleetOverheadChecks.Arm(
                f.relayOwnCpuUsPerRequestAtRate(),
                f.relayPartCpuUsPerRequestAtRate(),
                f.relayOwnCpuUsPerRequestByRound(),
                f.relayOwnCpuUsPerRequest(),
                f.blocks().pooledAddedMs(50),
                f.blocks().pooledAddedMs(99),
                f.relayedSent(),
                f.relayedFailed(),
                f.relayedSaturated().completedPerSecond());
    }

    private void close() {
        if (rig != null) {
            rig.close();
        }
    }
}
