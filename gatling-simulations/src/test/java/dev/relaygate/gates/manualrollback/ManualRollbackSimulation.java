package dev.relaygate.gates.manualrollback;

import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.load.JsonLoadGate;
import java.time.Duration;
import java.util.List;

/**
 * Gate {@code manual-rollback}: with green at 50% under load, {@code POST /admin/rollback}; every request
 * that started after the call returned must land on blue (0 exceptions), with at least half the offered
 * load arriving after it (else "not measured"), and the command-to-effect time is reported.
 */
public class ManualRollbackSimulation extends JsonLoadGate {

    static final String GATE = "manual-rollback";
    static final GateProperties PROPS = GateProperties.of(GATE);
    static final double RATE = PROPS.decimal("rate_per_sec", 200);
    static final long WARMUP_SECONDS = PROPS.integer("warmup_seconds", 12, 6);
    static final long CANARY_SECONDS = PROPS.integer("canary_seconds", 10, 5);
    static final long AFTER_SECONDS = PROPS.integer("after_rollback_seconds", 10, 5);
    static final long GREEN_WEIGHT = PROPS.integer("green_weight", 50);
    static final double FAILED_RATIO_BELOW = PROPS.upperLimit("failed_ratio_below", 0.001);

    private volatile AdminClient.Reply rollback;

    public ManualRollbackSimulation() {
        super(PROPS, WARMUP_SECONDS);
        jsonLoad(RATE, CANARY_SECONDS + AFTER_SECONDS);
    }

    @Override
    protected String claim() {
        return "Green at " + GREEN_WEIGHT + "% under " + RATE + " req/s, then POST /admin/rollback:"
                + " every request started after the call returned lands on blue.";
    }

    @Override
    protected void choreograph(AdminClient admin) {
        control.at(Duration.ofSeconds(WARMUP_SECONDS), "shift to green " + GREEN_WEIGHT, () -> {
                    requireOk(admin.trafficShift(100 - (int) GREEN_WEIGHT, (int) GREEN_WEIGHT), "traffic-shift");
                    run().event("traffic_shift", "green " + GREEN_WEIGHT);
                })
                .at(Duration.ofSeconds(WARMUP_SECONDS + CANARY_SECONDS), "rollback", () -> {
                    run().event("rollback_sent", "POST /admin/rollback");
                    AdminClient.Reply r = admin.rollback();
                    requireOk(r, "rollback");
                    rollback = r;
                    run().event(
                                    run().clock().msAt(r.returnedAtNanos()),
                                    "rollback_returned",
                                    "after " + r.tookMs() + " ms");
                });
    }

    @Override
    protected void evaluate(GateEvaluation eval, List<Observation> measured) {
        new ManualRollbackChecks(RATE, AFTER_SECONDS, FAILED_RATIO_BELOW).evaluate(eval, rollback, measured);
    }
}
