package dev.relaygate.gates.compare;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.Settle;
import dev.relaygate.gates.UpstreamAttribution;
import dev.relaygate.gates.load.ChatTraffic;
import dev.relaygate.gates.load.JsonLoad;
import dev.relaygate.gates.relays.Need;
import dev.relaygate.gates.steadystate.SteadyStateChecks;
import dev.relaygate.gates.steadystate.SteadyStateSimulation;
import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Comparison gate {@code steady-state}: the default build's steady-state claim (blue 100% at a constant rate,
 * p99 < 200 ms, failed < 0.1%, the offered load served) on every relay in turn, measured from the end of the
 * warm-up for a fixed time.
 */
public class SteadyStateComparison extends ComparisonGate {

    /** The default gate's settings and thresholds: the same claim, the same -Dsteady-state.* properties. */
    static final GateProperties PROPS = SteadyStateSimulation.PROPS;

    static final double RATE = SteadyStateSimulation.RATE;
    static final long WARMUP_SECONDS = SteadyStateSimulation.WARMUP_SECONDS;
    static final long DURATION_SECONDS = SteadyStateSimulation.DURATION_SECONDS;

    /** How long a lane waits at most for its warm-up queue to drain, and the p99 that counts as drained. */
    static final Duration SETTLE_AT_MOST = Duration.ofSeconds(20);

    static final double SETTLED_P99_MS = 100;

    public SteadyStateComparison() {
        super(PROPS, Duration.ofSeconds(WARMUP_SECONDS));
        lanesInSequence();
    }

    @Override
    protected String claim() {
        return "Blue 100% at " + RATE + " req/s through each relay for " + DURATION_SECONDS + " s (after "
                + WARMUP_SECONDS + " s warm-up): p99 < " + SteadyStateSimulation.P99_BELOW_MS + " ms and failed < "
                + SteadyStateSimulation.FAILED_RATIO_BELOW * 100 + "%.";
    }

    @Override
    protected Set<Need> needs() {
        return Set.of();
    }

    @Override
    protected PopulationBuilder load(Lane lane) {
        return scenario("steady " + lane.spec.name())
                .exec(ChatTraffic.chat(lane.phases, lane::relay, lane.spec.headerNames(), lane.log))
                .injectOpen(
                        JsonLoad.warmup(RATE, WARMUP_SECONDS),
                        constantUsersPerSec(RATE).during(SETTLE_AT_MOST.toSeconds() + DURATION_SECONDS + 2));
    }

    /**
     * As the default gate: measuring starts once the warm-up queue has drained (the wait is an event), lasts
     * the configured time; then the lane ends and the next relay's starts.
     */
    @Override
    protected void begin(Lane lane) {
        sleep(WARMUP_SECONDS * 1000);
        long waited = Settle.await(lane.log, SETTLED_P99_MS, SETTLE_AT_MOST);
        lane.run().event("settled", "load settled " + waited + " ms after the warm-up");
        lane.phases.measureFrom(System.nanoTime());
        sleep(DURATION_SECONDS * 1000);
    }

    /** A lane ends once it has measured: the rest of its injection (the unused settle allowance) is skipped. */
    @Override
    protected boolean laneEndsWithBegin() {
        return true;
    }

    @Override
    protected void evaluate(Lane lane, GateEvaluation eval) {
        List<Observation> measured = lane.log.measured();
        new SteadyStateChecks(
                        RATE,
                        DURATION_SECONDS,
                        SteadyStateSimulation.P99_BELOW_MS,
                        SteadyStateSimulation.FAILED_RATIO_BELOW,
                        SteadyStateSimulation.MIN_SERVED_SHARE)
                .evaluate(eval, measured);
        UpstreamAttribution.checkRelayHeader(eval, measured);
        Map<String, Double> percentiles =
                ObservationLog.answeredLatency(measured).percentilesMs();
        eval.measured("p50_ms", percentiles.get("p50")).measured("rate_per_sec", RATE);
        lane.run().percentilesMs(percentiles);
    }
}
