package dev.relaygate.gates.compare;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.UpstreamAttribution;
import dev.relaygate.gates.load.ChatTraffic;
import dev.relaygate.gates.load.JsonLoad;
import dev.relaygate.gates.relays.Need;
import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Comparison gate {@code split-accuracy}: weights blue 90 / green 10, set the relay's own way (relaygate's
 * admin API, Portkey's per-request config), then {@code requests} chat requests at a constant rate; the green
 * share of the answers, attributed by the upstream that gave them, must pass an exact binomial test against
 * 10% at alpha 1e-4. The warm-up before them also lets the new weights take effect.
 */
public class SplitAccuracyComparison extends ComparisonGate {

    static final GateProperties PROPS = GateProperties.of("split-accuracy");
    static final double RATE = PROPS.decimal("rate_per_sec", 200);
    static final long REQUESTS = PROPS.integer("requests", 4_000);
    static final long WARMUP_SECONDS = PROPS.integer("warmup_seconds", 5, 3);
    static final int GREEN_PERCENT = 10;
    static final double ALPHA = PROPS.lowerLimit("alpha", 1e-4);
    static final double MIN_ATTRIBUTED_SHARE = PROPS.lowerLimit("min_attributed_share", 0.95);

    public SplitAccuracyComparison() {
        super(PROPS, Duration.ofSeconds(WARMUP_SECONDS));
        lanesInSequence();
    }

    @Override
    protected String claim() {
        return "Weights blue " + (100 - GREEN_PERCENT) + " / green " + GREEN_PERCENT + " set the relay's way, then "
                + REQUESTS + " requests at " + RATE + " req/s: the green share of the answers (attributed by the"
                + " upstream that gave them) passes an exact two-sided binomial test against " + GREEN_PERCENT
                + "% at alpha " + ALPHA + ".";
    }

    @Override
    protected Set<Need> needs() {
        return Set.of(Need.TRAFFIC_WEIGHTS, Need.HARNESS_UPSTREAMS);
    }

    @Override
    protected PopulationBuilder load(Lane lane) {
        return scenario("split " + lane.spec.name())
                .exec(ChatTraffic.chat(lane.phases, lane::relay, lane.spec.headerNames(), lane.log))
                .injectOpen(
                        JsonLoad.warmup(RATE, WARMUP_SECONDS),
                        constantUsersPerSec(RATE).during(Duration.ofMillis((long) (REQUESTS * 1000 / RATE))));
    }

    /** Weights go in at the start of the warm-up, whose requests are not judged. */
    @Override
    protected void begin(Lane lane) {
        lane.relay().setWeights(100 - GREEN_PERCENT, GREEN_PERCENT);
        lane.run().event("weights", "blue " + (100 - GREEN_PERCENT) + " / green " + GREEN_PERCENT);
    }

    @Override
    protected void evaluate(Lane lane, GateEvaluation eval) {
        List<Observation> measured = lane.log.measured();
        new SplitChecks(GREEN_PERCENT / 100.0, ALPHA, (long) Math.ceil(REQUESTS * MIN_ATTRIBUTED_SHARE))
                .evaluate(eval, measured);
        UpstreamAttribution.checkRelayHeader(eval, measured);
        eval.measured("failed_ratio", ObservationLog.failedRatio(measured));
        lane.run().percentilesMs(ObservationLog.answeredLatency(measured).percentilesMs());
    }
}
