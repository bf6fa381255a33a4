package dev.relaygate.gates.steadystate;

import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.load.JsonLoadGate;
import dev.relaygate.gates.relays.Need;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Gate {@code steady-state}: all traffic on blue at a constant arrival rate through the relay; the vendor playbook's
 * claims p99 < 200 ms and failed < 0.1% must hold, and the offered load must actually have been served.
 * Measuring starts after the warm-up once the warm-up queue has drained (p99 of the last seconds under
 * 100 ms, at most 20 s more; the wait is reported as an event), then lasts the configured duration.
 */
public class SteadyStateSimulation extends JsonLoadGate {

    public static final String GATE = "steady-state";
    public static final GateProperties PROPS = GateProperties.of(GATE);
    public static final double RATE = PROPS.decimal("rate_per_sec", 200);
    public static final long WARMUP_SECONDS = PROPS.integer("warmup_seconds", 12, 6);
    public static final long DURATION_SECONDS = PROPS.integer("duration_seconds", 45, 15);
    public static final double P99_BELOW_MS = PROPS.upperLimit("p99_below_ms", 200);
    public static final double FAILED_RATIO_BELOW = PROPS.upperLimit("failed_ratio_below", 0.001);
    /** The offered load must arrive: at least this share of rate x duration requests measured. */
    public static final double MIN_SERVED_SHARE = PROPS.lowerLimit("min_served_share", 0.95);

    public SteadyStateSimulation() {
        super(PROPS, WARMUP_SECONDS);
        // at most: the settle wait, the measured duration; the control step stops the load after it
        jsonLoad(RATE, settleAllowanceSeconds() + DURATION_SECONDS + 2);
    }

    @Override
    protected String claim() {
        return "Blue 100% at " + RATE + " req/s through the relay for " + DURATION_SECONDS + " s (after "
                + WARMUP_SECONDS + " s warm-up): p99 < " + P99_BELOW_MS + " ms and failed < " + FAILED_RATIO_BELOW * 100
                + "%.";
    }

    /** Any relay: it only sends chat requests. */
    @Override
    protected Set<Need> needs() {
        return Set.of();
    }

    /** The clients' own per-second view: this gate also runs against a relay whose admin API we lack. */
    @Override
    protected boolean samplesRelay() {
        return false;
    }

    @Override
    protected void choreograph(AdminClient admin) {
        control.at(Duration.ofSeconds(WARMUP_SECONDS), "measure once settled", () -> {
            awaitSettled();
            phases.measureFrom(System.nanoTime());
            run().event("measuring", "for " + DURATION_SECONDS + " s");
            sleep(DURATION_SECONDS * 1000);
            phases.requestStop();
        });
    }

    @Override
    protected void evaluate(GateEvaluation eval, List<Observation> measured) {
        new SteadyStateChecks(RATE, DURATION_SECONDS, P99_BELOW_MS, FAILED_RATIO_BELOW, MIN_SERVED_SHARE)
                .evaluate(eval, measured);
        eval.measured("external_relay", rig().external());
    }
}
