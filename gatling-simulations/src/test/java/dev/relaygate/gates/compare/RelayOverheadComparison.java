package dev.relaygate.gates.compare;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.relaygate.gates.CpuQuiet;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.OpenLoopClient;
import dev.relaygate.gates.OpenLoopClient.Target;
import dev.relaygate.gates.Rounding;
import dev.relaygate.gates.load.ChatTraffic;
import dev.relaygate.gates.relayoverhead.OverheadChecks;
import dev.relaygate.gates.relayoverhead.OverheadMeasurement;
import dev.relaygate.gates.relayoverhead.RelayOverheadSimulation;
import dev.relaygate.gates.relays.Need;
import dev.relaygate.gates.relays.RelayKind;
import dev.relaygate.mock.ProfileSettings;
import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Comparison gate {@code relay-overhead}: the default build's overhead measurement with every relay as an arm
 * of one run: the same open-loop client, the same rate, one direct arm shared by all, blocks in rotating order
 * (direct, relays..., then the reverse), then closed-loop saturation per arm with CPU time per request (the
 * relay process's own CPU when it runs in a process of its own; for relaygate in this JVM, the process's CPU
 * per relayed request minus per direct request). The measurement runs in {@code before()}, after every relay
 * started; the Gatling load after it is a short relayed smoke check per relay.
 */
public class RelayOverheadComparison extends ComparisonGate {

    /** The default gate's settings and thresholds: the same claim, the same -Drelay-overhead.* properties. */
    static final GateProperties PROPS = RelayOverheadSimulation.PROPS;

    static final double RATE = RelayOverheadSimulation.RATE;
    static final long BLOCK_SECONDS = RelayOverheadSimulation.BLOCK_SECONDS;
    static final long ROUNDS = RelayOverheadSimulation.PAIRS;
    static final long CONCURRENCY = RelayOverheadSimulation.CONCURRENCY;
    static final long SATURATION_SECONDS = RelayOverheadSimulation.SATURATION_SECONDS;

    /**
     * After every block, for every arm alike, this JVM collects its garbage and the next block waits until every
     * relay running in a process of its own has been idle this long (its CPU time unchanged): a relay that
     * cannot keep up with the rate (Portkey here) ends its block with a backlog whose aftermath (its process
     * still catching up, the garbage of its queued requests) would otherwise fall on the next arm's block.
     */
    static final Duration QUIET_BETWEEN_BLOCKS = Duration.ofMillis(250);

    /** The longest the quiet wait may last after one block. */
    static final Duration QUIET_AT_MOST = Duration.ofSeconds(10);

    private final Map<String, OverheadMeasurement.Figures> figures = new HashMap<>();

    public RelayOverheadComparison() {
        super(PROPS, Duration.ZERO);
        lanesInSequence();
    }

    @Override
    protected String claim() {
        return "Added latency of each relay over calling the same mock directly, open loop at " + RATE + " req/s in "
                + BLOCK_SECONDS + " s blocks rotating direct and every relay (" + ROUNDS + " rounds, one direct arm"
                + " shared, " + QUIET_BETWEEN_BLOCKS.toMillis()
                + " ms quiet after each block), microseconds from the intended send instant; plus " + SATURATION_SECONDS
                + " s closed-loop saturation at " + CONCURRENCY + " in flight per arm. Gate: p99 added < "
                + RelayOverheadSimulation.P99_ADDED_BELOW_MS + " ms.";
    }

    @Override
    protected Set<Need> needs() {
        return Set.of(Need.HARNESS_UPSTREAMS);
    }

    /** The fastest honest mock: no artificial delay, so each relay's share of the time is visible. */
    @Override
    protected ProfileSettings blueProfile() {
        return ProfileSettings.healthy().withTimeToFirstEventMs(0).withGapBetweenEventsMs(0);
    }

    @Override
    protected ProfileSettings greenProfile() {
        return blueProfile();
    }

    @Override
    protected PopulationBuilder load(Lane lane) {
        return scenario("smoke " + lane.spec.name())
                .exec(ChatTraffic.chat(lane.phases, lane::relay, lane.spec.headerNames(), lane.log))
                .injectOpen(constantUsersPerSec(20).during(RelayOverheadSimulation.SMOKE_SECONDS));
    }

    /** The one measurement of all arms, alone on the machine's cores, before any Gatling load. */
    @Override
    protected void allStarted() {
        List<Lane> measured = lanes.stream().filter(l -> l.relay() != null).toList();
        List<OverheadMeasurement.Arm> arms = new ArrayList<>();
        measured.forEach(l -> arms.add(new OverheadMeasurement.Arm(Target.of(l.relay()), l.relay()::cpuNanos)));
        try (OpenLoopClient client = new OpenLoopClient((int) CONCURRENCY, ChatTraffic.body(1, false))) {
            List<OverheadMeasurement.Figures> all = new OverheadMeasurement(
                            client, new Target("direct", blue().baseUrl() + "/chat/completions", "sk-blue"), arms)
                    .runAll(
                            RATE,
                            Duration.ofSeconds(BLOCK_SECONDS),
                            RelayOverheadSimulation.WARMUP_PAIRS,
                            ROUNDS,
                            (int) CONCURRENCY,
                            Duration.ofSeconds(SATURATION_SECONDS),
                            () -> awaitQuiet(measured));
            for (int i = 0; i < measured.size(); i++) {
                figures.put(measured.get(i).spec.name(), all.get(i));
            }
        }
    }

    /**
     * Waits until no relay process's CPU time moved for {@link #QUIET_BETWEEN_BLOCKS} (at most {@link
     * #QUIET_AT_MOST}), after collecting this JVM's garbage: a backlog's requests and answers would otherwise be
     * collected during the next arm's block (the client, the mocks and relaygate share this JVM).
     */
    @SuppressWarnings("java:S1215") // an explicit collection between blocks, never inside one, for every arm alike
    private static void awaitQuiet(List<Lane> relays) {
        System.gc();
        // under 2% of a core over the window: idle
        CpuQuiet.await(() -> cpuOf(relays), QUIET_BETWEEN_BLOCKS, 0.02, QUIET_AT_MOST);
    }

    private static long cpuOf(List<Lane> relays) {
        return relays.stream().mapToLong(l -> l.relay().cpuNanos().orElse(0)).sum();
    }

    @Override
    protected void evaluate(Lane lane, GateEvaluation eval) {
        OverheadMeasurement.Figures f = figures.get(lane.spec.name());
        if (f == null) {
            throw new IllegalStateException("the overhead measurement did not run");
        }
        new OverheadChecks(
                        RelayOverheadSimulation.P99_ADDED_BELOW_MS,
                        RelayOverheadSimulation.FAILED_RATIO_BELOW,
                        (int) RelayOverheadSimulation.BOOTSTRAP_RESAMPLES,
                        props.seed())
                .evaluate(eval, f);
        Map<String, Double> d = f.direct().percentilesUs();
        Map<String, Double> r = f.relayed().percentilesUs();
        boolean inProcess = lane.spec.kind() == RelayKind.IN_PROCESS;
        double cpu = inProcess ? f.relayedCpuUsPerRequest() - f.directCpuUsPerRequest() : f.relayOwnCpuUsPerRequest();
        eval.measured("rate_per_sec", RATE)
                .measured("direct_p50_ms", d.get("p50") / 1000.0)
                .measured("direct_p99_ms", d.get("p99") / 1000.0)
                .measured("relayed_p50_ms", r.get("p50") / 1000.0)
                .measured("relayed_p99_ms", r.get("p99") / 1000.0)
                .measured("relay_cpu_us_per_request", Double.isFinite(cpu) ? Rounding.round3(cpu) : null)
                .measured(
                        "relay_cpu_method",
                        inProcess
                                ? "this JVM's CPU per relayed request minus per direct request (the relay runs in-process)"
                                : Double.isFinite(cpu)
                                        ? "the relay process's own CPU time per request during its saturation phase"
                                        : "not measurable: the relay runs outside the harness")
                .measured("smoke_requests", (long) lane.log.measured().size());
        lane.run().percentilesMs(f.relayed().percentilesMs());
        lane.run().series("direct_us", d);
        lane.run().series("relayed_us", r);
    }
}
