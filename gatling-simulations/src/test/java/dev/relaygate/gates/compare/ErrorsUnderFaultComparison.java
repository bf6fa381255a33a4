package dev.relaygate.gates.compare;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.UpstreamAttribution;
import dev.relaygate.gates.load.ChatTraffic;
import dev.relaygate.gates.load.JsonLoad;
import dev.relaygate.gates.relays.Need;
import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Comparison gate {@code errors-under-fault}: a 10% canary set the relay's way (relaygate runs it as a rollout
 * held at 10% under the vendor playbook's thresholds, so its judge may roll back; a relay without a canary
 * controller gets plain 90/10 weights), constant load, then green answers 5% of requests with server errors
 * for 30 s. Judged over the requests started during the fault: the errors clients saw, and whether and when
 * the relay stopped sending to green (by the upstreams' own answers). The playbook's promise is a rollback
 * within 30 s; a relay that keeps sending to green fails that part, and is reported with "never".
 */
public class ErrorsUnderFaultComparison extends ComparisonGate {

    static final GateProperties PROPS = GateProperties.of("errors-under-fault");
    static final double RATE = PROPS.decimal("rate_per_sec", 200);
    static final long WARMUP_SECONDS = PROPS.integer("warmup_seconds", 12, 6);
    static final long HEALTHY_SECONDS = PROPS.integer("healthy_seconds", 10, 5);
    static final long FAULT_SECONDS = PROPS.integer("fault_seconds", 30, 20);
    static final long ERROR_PERCENT = PROPS.integer("error_percent", 5);
    static final int CANARY_PERCENT = 10;
    static final double CLIENT_ERROR_RATIO_BELOW = PROPS.upperLimit("client_error_ratio_below", 0.01);
    static final double STOP_WITHIN_MS = PROPS.upperLimit("stop_within_ms", 30_000);
    /** Green quiet for this long at the end of the fault counts as stopped. */
    static final long QUIET_MS = 10_000;

    /** Each lane's fault onset ({@link System#nanoTime()}), by relay name. */
    private final Map<String, Long> onsets = new ConcurrentHashMap<>();

    public ErrorsUnderFaultComparison() {
        super(PROPS, Duration.ofSeconds(WARMUP_SECONDS));
        lanesInSequence();
    }

    @Override
    protected String claim() {
        return "A " + CANARY_PERCENT + "% canary at " + RATE + " req/s set the relay's way; after " + HEALTHY_SECONDS
                + " s green fails " + ERROR_PERCENT + "% of requests with server errors for " + FAULT_SECONDS
                + " s: client-visible errors during the fault < " + CLIENT_ERROR_RATIO_BELOW * 100
                + "% and the relay stops sending to green within " + (long) STOP_WITHIN_MS + " ms of the onset.";
    }

    @Override
    protected Set<Need> needs() {
        return Set.of(Need.TRAFFIC_WEIGHTS, Need.HARNESS_UPSTREAMS);
    }

    @Override
    protected PopulationBuilder load(Lane lane) {
        return scenario("fault " + lane.spec.name())
                .exec(ChatTraffic.chat(lane.phases, lane::relay, lane.spec.headerNames(), lane.log))
                .injectOpen(
                        JsonLoad.warmup(RATE, WARMUP_SECONDS),
                        constantUsersPerSec(RATE).during(HEALTHY_SECONDS + FAULT_SECONDS));
    }

    /** Canary at once, fault after the warm-up and the healthy phase, healthy again when it ends. */
    @Override
    protected void begin(Lane lane) {
        green().switchProfile(ProfileSettings.healthy());
        lane.relay().startCanary(CANARY_PERCENT);
        lane.run().event("canary", "green " + CANARY_PERCENT + "%");
        sleep((WARMUP_SECONDS + HEALTHY_SECONDS) * 1000);
        long onsetNanos = System.nanoTime();
        onsets.put(lane.spec.name(), onsetNanos);
        green().switchProfile(ProfileSettings.healthy()
                .withProfile(Profile.FLAKY)
                .withErrorPercent((int) ERROR_PERCENT)
                .withSeed(props.seed()));
        lane.run().event("fault_onset", "green: " + ERROR_PERCENT + "% server errors");
        lane.phases.measureFrom(onsetNanos);
        sleep(FAULT_SECONDS * 1000);
        green().switchProfile(ProfileSettings.healthy());
        lane.run().event("fault_end", "green healthy again");
    }

    @Override
    protected void evaluate(Lane lane, GateEvaluation eval) {
        Long onset = onsets.get(lane.spec.name());
        if (onset == null) {
            throw new IllegalStateException("the fault never started");
        }
        long end = onset + FAULT_SECONDS * 1_000_000_000L;
        List<Observation> duringFault = lane.log.startedBetween(onset, end);
        new FaultChecks(CLIENT_ERROR_RATIO_BELOW, STOP_WITHIN_MS, FAULT_SECONDS * 1000, QUIET_MS)
                .evaluate(eval, duringFault, o -> (o.startNanos() - onset) / 1_000_000L);
        UpstreamAttribution.checkRelayHeader(eval, duringFault);
        eval.measured("rolls_back_on_its_own", lane.spec.capabilities().rollsBackOnItsOwn());
    }
}
