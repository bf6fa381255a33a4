package dev.relaygate.gates.healthynorollback;

import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.RolloutEventView;
import dev.relaygate.gates.load.JsonLoadGate;
import java.time.Duration;
import java.util.List;

/**
 * Gate {@code healthy-no-rollback}: a canary whose green stays healthy for the whole run must never be
 * rolled back (the judge's false-rollback guard under repeated looks), with failed < 0.1%.
 */
public class HealthyNoRollbackSimulation extends JsonLoadGate {

    static final String GATE = "healthy-no-rollback";
    static final GateProperties PROPS = GateProperties.of(GATE);
    static final double RATE = PROPS.decimal("rate_per_sec", 200);
    static final long WARMUP_SECONDS = PROPS.integer("warmup_seconds", 12, 6);
    static final long CANARY_SECONDS = PROPS.integer("canary_seconds", 35, 15);
    static final long INCREMENT = PROPS.integer("increment", 10);
    static final long INTERVAL_SECONDS = PROPS.integer("interval_seconds", 10, 4);
    static final double FAILED_RATIO_BELOW = PROPS.upperLimit("failed_ratio_below", 0.001);
    /**
     * Green requests the relay's judge needs to call a step healthy at the vendor playbook's thresholds: its
     * SPRT accepts health at ln(beta / (1 - alpha)) = ln(0.01 / 0.999) = -4.60 nats (beta 0.01, confidence
     * 0.999), and each clean request at a 0.1% baseline against 1% adds ln(0.99 / 0.999) = -0.00905 nats, so
     * 509 requests; raising it lowers the progress the gate demands.
     */
    static final long HEALTHY_SAMPLES_PER_STEP = (long) PROPS.upperLimit("healthy_samples_per_step", 510);

    public HealthyNoRollbackSimulation() {
        super(PROPS, WARMUP_SECONDS);
        // at most: the settle wait, the canary, a margin; the control step stops the load after the canary
        jsonLoad(RATE, settleAllowanceSeconds() + CANARY_SECONDS + 5);
    }

    private static final HealthyNoRollbackChecks CHECKS = new HealthyNoRollbackChecks(
            RATE, INCREMENT, INTERVAL_SECONDS, CANARY_SECONDS, HEALTHY_SAMPLES_PER_STEP, FAILED_RATIO_BELOW);

    private volatile long canaryEndEpochMs = Long.MAX_VALUE;

    @Override
    protected String claim() {
        return "A healthy green rolled out by " + INCREMENT + " every " + INTERVAL_SECONDS + " s for " + CANARY_SECONDS
                + " s at " + RATE + " req/s: no rollback, failed < " + FAILED_RATIO_BELOW * 100
                + "%, and green reaches at"
                + " least " + CHECKS.expectedGreenWeight() + "% (as far as the interval and " + HEALTHY_SAMPLES_PER_STEP
                + " healthy samples per step allow).";
    }

    @Override
    protected void choreograph(AdminClient admin) {
        control.at(Duration.ofSeconds(WARMUP_SECONDS), "start the rollout", () -> {
            awaitSettled();
            startPlaybookRollout(admin, INCREMENT, INTERVAL_SECONDS);
            sleep(CANARY_SECONDS * 1000);
            canaryEndEpochMs = System.currentTimeMillis();
            phases.requestStop();
        });
    }

    @Override
    protected void evaluate(GateEvaluation eval, List<Observation> measured) {
        List<RolloutEventView> events = rolloutEvents();
        // the relay keeps rolling out after the load stops: judge the canary the gate watched
        List<RolloutEventView> changes = events.stream()
                .filter(e -> e.changesWeight() && e.epochMs() <= canaryEndEpochMs)
                .toList();
        CHECKS.evaluate(eval, changes, measured);
        eval.measured("verdicts", events.stream().filter(e -> e.is("VERDICT")).count());
    }
}
