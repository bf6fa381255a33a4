package dev.relaygate.gates.relayoverhead;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.OpenLoopClient;
import dev.relaygate.gates.OpenLoopClient.Target;
import dev.relaygate.gates.Rounding;
import dev.relaygate.gates.load.ChatTraffic;
import dev.relaygate.gates.load.GateSimulation;
import dev.relaygate.gates.load.JsonLoad;
import dev.relaygate.mock.ProfileSettings;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Gate {@code relay-overhead}: the latency the relay adds over calling the same mock directly, measured
 * by an in-process open-loop client in microseconds from each request's intended send instant (Gatling's
 * whole milliseconds are too coarse), at 1,000 req/s in alternating direct and relayed blocks; plus
 * saturated throughput both ways and CPU time per request. The gate is generous (p99 added < 5 ms); the
 * figures are also reported against our targets (p50 <= 0.2 ms, p99 <= 1 ms, >= 10,000 req/s). The gated
 * figure is the whole run's: pooled relayed p99 minus pooled direct p99, with the per-pair spread and a
 * bootstrap 95% interval over block pairs reported beside it.
 * The measurement runs while the gate prepares (in {@code before()}), alone on the machine's cores; the Gatling scenario after it is
 * a short relayed smoke check so the run also has a Gatling report.
 */
public class RelayOverheadSimulation extends GateSimulation {

    public static final String GATE = "relay-overhead";
    public static final GateProperties PROPS = GateProperties.of(GATE);
    public static final double RATE = PROPS.decimal("rate_per_sec", 1000);
    public static final long BLOCK_SECONDS = PROPS.integer("block_seconds", 1, 1);
    public static final long PAIRS = PROPS.integer("block_pairs", 20, 8);
    public static final long WARMUP_PAIRS = PROPS.integer("warmup_pairs", 3, 3);
    public static final long SATURATION_SECONDS = PROPS.integer("saturation_seconds", 5, 2);
    public static final long CONCURRENCY = PROPS.integer("saturation_concurrency", 64);
    public static final double P99_ADDED_BELOW_MS = PROPS.upperLimit("p99_added_below_ms", 5);
    public static final double FAILED_RATIO_BELOW = PROPS.upperLimit("failed_ratio_below", 0.001);
    public static final long BOOTSTRAP_RESAMPLES = PROPS.integer("bootstrap_resamples", 1_000);
    public static final long SMOKE_SECONDS = PROPS.integer("smoke_seconds", 3, 2);

    private final ObservationLog smoke = new ObservationLog();
    private OverheadMeasurement.Figures figures;
    private Map<String, Long> failureCauses = Map.of();

    public RelayOverheadSimulation() {
        super(PROPS, Duration.ZERO);
        setUp(
                        scenario("relayed-smoke")
                                .exec(ChatTraffic.chat(phases, () -> rig().relay(), relaySpec.headerNames(), smoke))
                                .injectOpen(constantUsersPerSec(20).during(SMOKE_SECONDS)),
                        JsonLoad.controller(phases, control))
                .protocols(ChatTraffic.protocol());
    }

    @Override
    protected String claim() {
        return "Added latency of the relay over calling the same mock directly, open loop at " + RATE + " req/s in"
                + " alternating " + BLOCK_SECONDS + " s blocks (" + PAIRS
                + " pairs), microseconds from the intended send"
                + " instant; added p50/p99 = pooled relayed minus pooled direct percentile; plus " + SATURATION_SECONDS
                + " s closed-loop saturation at " + CONCURRENCY + " in flight each way. Gate: p99 added < "
                + P99_ADDED_BELOW_MS + " ms.";
    }

    /** The fastest honest mock: no artificial delay, so the relay's share of the time is visible. */
    @Override
    protected GateRig startRig() {
        ProfileSettings instant =
                ProfileSettings.healthy().withTimeToFirstEventMs(0).withGapBetweenEventsMs(0);
        return GateRig.start(PROPS, instant, instant, UnaryOperator.identity());
    }

    @Override
    protected void prepare(GateRig rig) {
        if (rig.directChatUrl() == null) {
            throw new IllegalStateException("an external relay run needs -Dupstream.url (the mock the relay uses)");
        }
        try (OpenLoopClient client = new OpenLoopClient((int) CONCURRENCY, ChatTraffic.body(1, false))) {
            figures = new OverheadMeasurement(
                            client,
                            new Target("direct", rig.directChatUrl(), rig.directKey()),
                            new Target(
                                    "relayed",
                                    rig.relayUrl() + "/v1/chat/completions",
                                    rig.clientKey(),
                                    rig.relay().headers()))
                    .run(
                            RATE,
                            Duration.ofSeconds(BLOCK_SECONDS),
                            WARMUP_PAIRS,
                            PAIRS,
                            (int) CONCURRENCY,
                            Duration.ofSeconds(SATURATION_SECONDS));
            failureCauses = client.failureCauses();
        }
    }

    @Override
    protected void evaluate(GateEvaluation eval) {
        Map<String, Double> d = figures.direct().percentilesUs();
        Map<String, Double> r = figures.relayed().percentilesUs();
        new OverheadChecks(P99_ADDED_BELOW_MS, FAILED_RATIO_BELOW, (int) BOOTSTRAP_RESAMPLES, props.seed())
                .evaluate(eval, figures);
        eval.measured("p999_added_pooled_ms", added(r, d, "p999"))
                .measured("direct_p50_ms", d.get("p50") / 1000.0)
                .measured("direct_p99_ms", d.get("p99") / 1000.0)
                .measured("relayed_p50_ms", r.get("p50") / 1000.0)
                .measured("relayed_p99_ms", r.get("p99") / 1000.0)
                .measured("failure_causes", failureCauses.toString())
                .measured("process_cpu_us_per_direct_request", Rounding.round3(figures.directCpuUsPerRequest()))
                .measured("process_cpu_us_per_relayed_request", Rounding.round3(figures.relayedCpuUsPerRequest()))
                // the difference is the relay's share only when the relay runs in this process
                .measured(
                        "relay_cpu_us_per_request",
                        rig().external()
                                ? null
                                : Rounding.round3(figures.relayedCpuUsPerRequest() - figures.directCpuUsPerRequest()))
                .measured("smoke_requests", (long) smoke.measured().size())
                .measured("external_relay", rig().external());
        run().percentilesMs(figures.relayed().percentilesMs());
        run().series("direct_us", d);
        run().series("relayed_us", r);
    }

    private static double added(Map<String, Double> relayed, Map<String, Double> direct, String p) {
        if (!relayed.containsKey(p) || !direct.containsKey(p)) {
            return Double.NaN;
        }
        return Rounding.round3((relayed.get(p) - direct.get(p)) / 1000.0);
    }
}
