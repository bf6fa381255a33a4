package dev.relaygate.gates.canaryprogression;

import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.RolloutEventView;
import dev.relaygate.gates.Rollouts;
import dev.relaygate.gates.load.JsonLoadGate;
import java.time.Duration;
import java.util.List;

/**
 * Gate {@code canary-progression}: a healthy green stepped 0 -> 100 with a short interval must reach
 * PROMOTED with failed < 0.1%, and in every step the green share clients saw must match the step's
 * weight (two-sided binomial test, alpha 1e-4 per step, requests within 250 ms of a change left out). Every
 * step of the rollout (increment, 2 x increment, ... 100) must be observed with at least 20 requests.
 */
public class CanaryProgressionSimulation extends JsonLoadGate {

    static final String GATE = "canary-progression";
    static final GateProperties PROPS = GateProperties.of(GATE);
    static final double RATE = PROPS.decimal("rate_per_sec", 200);
    static final long WARMUP_SECONDS = PROPS.integer("warmup_seconds", 12, 6);
    static final long INCREMENT = PROPS.integer("increment", 25);
    static final long INTERVAL_SECONDS = PROPS.integer("interval_seconds", 8, 3);
    static final long HOLD_SECONDS = PROPS.integer("hold_after_promoted_seconds", 5, 3);
    static final double ALPHA = PROPS.lowerLimit("step_alpha", 1e-4);
    static final double FAILED_RATIO_BELOW = PROPS.upperLimit("failed_ratio_below", 0.001);
    static final long MIN_STEP_REQUESTS = (long) PROPS.lowerLimit("min_step_requests", 20);
    static final long GUARD_MS = PROPS.integer("step_guard_ms", 250);

    public CanaryProgressionSimulation() {
        super(PROPS, WARMUP_SECONDS);
        long steps = (100 + INCREMENT - 1) / INCREMENT;
        // the longest it may take: the settle wait, every step held one extra interval, the hold at 100%
        jsonLoad(RATE, settleAllowanceSeconds() + INTERVAL_SECONDS * steps * 2 + HOLD_SECONDS + 5);
    }

    @Override
    protected String claim() {
        return "A healthy green stepped 0 -> 100 by " + INCREMENT + " every " + INTERVAL_SECONDS + " s at " + RATE
                + " req/s: reaches PROMOTED, failed < " + FAILED_RATIO_BELOW * 100 + "%, and each step's green share"
                + " matches its weight (binomial, alpha " + ALPHA + " per step).";
    }

    @Override
    protected void choreograph(AdminClient admin) {
        control.at(Duration.ofSeconds(WARMUP_SECONDS), "start the rollout", () -> {
            awaitSettled();
            startPlaybookRollout(admin, INCREMENT, INTERVAL_SECONDS);
            long deadline = System.currentTimeMillis() + INTERVAL_SECONDS * 1000 * ((100 / INCREMENT) + 1) * 2;
            while (System.currentTimeMillis() < deadline
                    && Rollouts.first(Rollouts.events(admin), "PROMOTED", 0) == null) {
                sleep(500);
            }
            sleep(HOLD_SECONDS * 1000);
            phases.requestStop();
        });
    }

    @Override
    protected void evaluate(GateEvaluation eval, List<Observation> measured) {
        List<RolloutEventView> changes =
                rolloutEvents().stream().filter(RolloutEventView::changesWeight).toList();
        new CanaryProgressionChecks(INCREMENT, ALPHA, GUARD_MS, FAILED_RATIO_BELOW, MIN_STEP_REQUESTS)
                .evaluate(eval, changes, measured, o -> run().clock().epochMsAt(o.startNanos()));
    }
}
