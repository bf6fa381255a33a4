package dev.relaygate.gates.streamingshift;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.LatencyRecorder;
import dev.relaygate.gates.StreamObservation;
import dev.relaygate.gates.load.ChatTraffic;
import dev.relaygate.gates.load.GateSimulation;
import dev.relaygate.gates.load.JsonLoad;
import dev.relaygate.gates.load.StreamTraffic;
import dev.relaygate.gates.relays.Need;
import dev.relaygate.mock.ProfileSettings;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;

/**
 * Gate {@code streaming-shift}: concurrent SSE streams while green's weight goes 0 -> 50 -> 100 and an
 * admin rollback returns everything to blue. Every stream must arrive whole (sequence 1..T in order,
 * then [DONE]) from one environment, streams started after the rollback returned must be on blue, and
 * TTFT p99 is reported. Against a relay without relaygate's admin API ({@code -Drelay.url}) it runs
 * without shift.
 */
public class StreamingShiftSimulation extends GateSimulation {

    static final String GATE = "streaming-shift";
    static final GateProperties PROPS = GateProperties.of(GATE);
    static final double RATE = PROPS.decimal("streams_per_sec", 20);
    static final long TOKENS = PROPS.integer("tokens_per_stream", 20);
    static final long GAP_MS = PROPS.integer("gap_between_events_ms", 50);
    static final long WARMUP_SECONDS = PROPS.integer("warmup_seconds", 10, 5);
    /** Each of the four phases (blue, green 50, green 100, rolled back) lasts this long. */
    static final long PHASE_SECONDS = PROPS.integer("phase_seconds", 12, 4);

    static final double BROKEN_MAX = PROPS.upperLimit("broken_streams_max", 0);
    static final double MIN_SERVED_SHARE = PROPS.lowerLimit("min_served_share", 0.95);

    private final Queue<StreamObservation> streams = new ConcurrentLinkedQueue<>();
    private volatile long rollbackReturnedNanos;
    private volatile long rollbackSentNanos;

    public StreamingShiftSimulation() {
        super(PROPS, Duration.ofSeconds(WARMUP_SECONDS));
        Duration timeout = Duration.ofMillis(10_000 + TOKENS * GAP_MS * 4);
        ScenarioBuilder load = scenario("streams")
                .exec(StreamTraffic.stream(
                        phases, () -> rig().relay(), relaySpec.headerNames(), (int) TOKENS, timeout, streams));
        setUp(
                        load.injectOpen(
                                JsonLoad.warmup(RATE, WARMUP_SECONDS),
                                constantUsersPerSec(RATE).during(PHASE_SECONDS * 4)),
                        JsonLoad.controller(phases, control))
                .protocols(ChatTraffic.protocol());
    }

    @Override
    protected String claim() {
        return RATE + " SSE streams/s of " + TOKENS + " tokens (" + GAP_MS + " ms apart) while green"
                + " goes 0 -> 50 -> 100 and an admin rollback returns all traffic to blue, " + PHASE_SECONDS
                + " s per phase: every stream whole and in order from one environment, 0 broken.";
    }

    @Override
    protected GateRig startRig() {
        ProfileSettings streaming = ProfileSettings.healthy()
                .withTimeToFirstEventMs((int) GAP_MS)
                .withGapBetweenEventsMs((int) GAP_MS)
                .withTokensPerAnswer((int) TOKENS);
        return GateRig.start(PROPS, streaming, streaming, UnaryOperator.identity());
    }

    @Override
    protected Set<Need> needs() {
        return Set.of(Need.STREAMING);
    }

    /** On a relay without relaygate's admin API the streams run without any shift or rollback. */
    @Override
    protected void prepare(GateRig rig) {
        if (!rig.relay().capabilities().relaygateAdmin()) {
            return;
        }
        AdminClient admin = rig.admin();
        long w = WARMUP_SECONDS;
        control.at(Duration.ofSeconds(w + PHASE_SECONDS), "shift to green 50", () -> shift(admin, 50))
                .at(Duration.ofSeconds(w + PHASE_SECONDS * 2), "shift to green 100", () -> shift(admin, 100))
                .at(Duration.ofSeconds(w + PHASE_SECONDS * 3), "rollback", () -> {
                    rollbackSentNanos = System.nanoTime();
                    AdminClient.Reply reply = admin.rollback();
                    requireOk(reply, "rollback");
                    rollbackReturnedNanos = reply.returnedAtNanos();
                    run().event("rollback", "admin rollback returned after " + reply.tookMs() + " ms");
                });
    }

    private void shift(AdminClient admin, int green) {
        requireOk(admin.trafficShift(100 - green, green), "traffic-shift to green " + green);
        run().event("traffic_shift", "green " + green);
    }

    @Override
    protected void evaluate(GateEvaluation eval) {
        List<StreamObservation> measured =
                streams.stream().filter(StreamObservation::measured).toList();
        LatencyRecorder ttft = new LatencyRecorder();
        measured.stream().filter(s -> s.ttftMs() >= 0).forEach(s -> ttft.recordMillis(s.ttftMs()));
        List<StreamObservation> broken =
                measured.stream().filter(s -> !s.verdict().intact()).toList();
        broken.stream()
                .limit(5)
                .forEach(s -> run().event(
                                run().clock().msAt(s.startNanos()),
                                "broken_stream",
                                s.verdict().problem()));
        boolean rolledBack = rollbackReturnedNanos != 0;
        long greenAfterRollback = measured.stream()
                .filter(s -> rolledBack && s.startNanos() - rollbackReturnedNanos > 0)
                .filter(s -> "green".equals(s.verdict().environment()))
                .count();
        long greenInFlightAtRollback = measured.stream()
                .filter(s -> rolledBack && s.startNanos() - rollbackSentNanos < 0 && s.lastEventMs() > 0)
                .filter(s -> "green".equals(s.verdict().environment()))
                .filter(s -> s.lastEventMs() - s.startEpochMs() > (rollbackSentNanos - s.startNanos()) / 1_000_000L)
                .count();
        double expected = RATE * PHASE_SECONDS * 4;
        eval.atMost("broken_streams", (double) broken.size(), "broken_streams_max", BROKEN_MAX)
                .atLeast("streams", (double) measured.size(), "min_streams", Math.floor(expected * MIN_SERVED_SHARE))
                .measured(
                        "green_streams",
                        measured.stream()
                                .filter(s -> "green".equals(s.verdict().environment()))
                                .count())
                .measured(
                        "blue_streams",
                        measured.stream()
                                .filter(s -> "blue".equals(s.verdict().environment()))
                                .count())
                .measured("green_streams_spanning_rollback_completed_on_green", greenInFlightAtRollback)
                .measured("external_relay", rig().external());
        if (rig().relay().capabilities().relaygateAdmin()) {
            eval.isTrue("rolled_back", rolledBack, "the admin rollback to have returned during the run")
                    .atMost(
                            "green_streams_started_after_rollback",
                            (double) greenAfterRollback,
                            "green_streams_after_rollback_max",
                            0);
        }
        eval.measured("ttft_p50_ms", ttft.percentilesMs().get("p50"))
                .measured("ttft_p99_ms", ttft.percentilesMs().get("p99"));
        run().series("ttft_ms", ttft.percentilesMs());
        run().percentilesMs(ttft.percentilesMs());
    }
}
