package dev.relaygate.gates.compare;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.LatencyRecorder;
import dev.relaygate.gates.StreamObservation;
import dev.relaygate.gates.load.JsonLoad;
import dev.relaygate.gates.load.StreamTraffic;
import dev.relaygate.gates.relays.Need;
import dev.relaygate.mock.ProfileSettings;
import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Comparison gate {@code streaming-integrity}: the default build's streaming-shift load without the shift:
 * SSE streams at a constant rate, all on blue; every stream must arrive whole (sequence 1..T in order, then
 * [DONE]) from one upstream. A relay that answers a stream with anything else breaks it, and is reported so.
 */
public class StreamingIntegrityComparison extends ComparisonGate {

    static final GateProperties PROPS = GateProperties.of("streaming-integrity");
    static final double RATE = PROPS.decimal("streams_per_sec", 20);
    static final long TOKENS = PROPS.integer("tokens_per_stream", 20);
    static final long GAP_MS = PROPS.integer("gap_between_events_ms", 50);
    static final long WARMUP_SECONDS = PROPS.integer("warmup_seconds", 10, 5);
    static final long DURATION_SECONDS = PROPS.integer("duration_seconds", 48, 16);
    static final double BROKEN_MAX = PROPS.upperLimit("broken_streams_max", 0);
    static final double MIN_SERVED_SHARE = PROPS.lowerLimit("min_served_share", 0.95);

    public StreamingIntegrityComparison() {
        super(PROPS, Duration.ofSeconds(WARMUP_SECONDS));
        lanesInSequence();
    }

    @Override
    protected String claim() {
        return RATE + " SSE streams/s of " + TOKENS + " tokens (" + GAP_MS + " ms apart) through each relay for "
                + DURATION_SECONDS + " s, all on blue: every stream whole and in order from one upstream, 0 broken.";
    }

    @Override
    protected Set<Need> needs() {
        return Set.of(Need.STREAMING);
    }

    @Override
    protected ProfileSettings blueProfile() {
        return ProfileSettings.healthy()
                .withTimeToFirstEventMs((int) GAP_MS)
                .withGapBetweenEventsMs((int) GAP_MS)
                .withTokensPerAnswer((int) TOKENS);
    }

    @Override
    protected ProfileSettings greenProfile() {
        return blueProfile();
    }

    @Override
    protected PopulationBuilder load(Lane lane) {
        Duration timeout = Duration.ofMillis(10_000 + TOKENS * GAP_MS * 4);
        return scenario("streams " + lane.spec.name())
                .exec(StreamTraffic.stream(
                        lane.phases, lane::relay, lane.spec.headerNames(), (int) TOKENS, timeout, lane.streams))
                .injectOpen(
                        JsonLoad.warmup(RATE, WARMUP_SECONDS),
                        constantUsersPerSec(RATE).during(DURATION_SECONDS));
    }

    @Override
    protected void evaluate(Lane lane, GateEvaluation eval) {
        List<StreamObservation> measured =
                lane.streams.stream().filter(StreamObservation::measured).toList();
        List<StreamObservation> broken =
                measured.stream().filter(s -> !s.verdict().intact()).toList();
        LatencyRecorder ttft = new LatencyRecorder();
        measured.stream().filter(s -> s.ttftMs() >= 0).forEach(s -> ttft.recordMillis(s.ttftMs()));
        broken.stream()
                .limit(5)
                .forEach(s -> lane.run()
                        .event(
                                lane.run().clock().msAt(s.startNanos()),
                                "broken_stream",
                                s.verdict().problem()));
        double expected = RATE * DURATION_SECONDS;
        eval.atMost("broken_streams", (double) broken.size(), "broken_streams_max", BROKEN_MAX)
                .atLeast("streams", (double) measured.size(), "min_streams", Math.floor(expected * MIN_SERVED_SHARE))
                .measured(
                        "first_broken_problem",
                        broken.isEmpty() ? null : broken.get(0).verdict().problem())
                .measured(
                        "blue_streams",
                        measured.stream()
                                .filter(s -> "blue".equals(s.verdict().environment()))
                                .count())
                .measured("ttft_p50_ms", ttft.percentilesMs().get("p50"))
                .measured("ttft_p99_ms", ttft.percentilesMs().get("p99"));
        lane.run().series("ttft_ms", ttft.percentilesMs());
        lane.run().percentilesMs(ttft.percentilesMs());
    }
}
