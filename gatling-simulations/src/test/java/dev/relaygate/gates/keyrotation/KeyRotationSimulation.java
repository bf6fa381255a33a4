package dev.relaygate.gates.keyrotation;

import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.Rollouts;
import dev.relaygate.gates.load.JsonLoadGate;
import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Gate {@code key-rotation}: green's provider rejects green's key (its key was rotated and the relay still
 * holds the old one). Raising green - by traffic-shift or by starting a rollout - must be refused by key
 * validation (409 {@code shift_blocked} naming green's key field), and under load no client may see an error from green. Then the provider accepts the key
 * again and a shift is tried once more; that outcome is reported, not gated (health checks may lag).
 */
public class KeyRotationSimulation extends JsonLoadGate {

    static final String GATE = "key-rotation";
    static final GateProperties PROPS = GateProperties.of(GATE);
    static final double RATE = PROPS.decimal("rate_per_sec", 200);
    static final long WARMUP_SECONDS = PROPS.integer("warmup_seconds", 12, 6);
    static final long STEP_SECONDS = PROPS.integer("step_seconds", 6, 3);
    static final long GREEN_WEIGHT = PROPS.integer("green_weight", 10);

    private volatile AdminClient.Reply shift;
    private volatile AdminClient.Reply rollout;
    private volatile AdminClient.Reply validate;
    private volatile AdminClient.Reply shiftAfterFix;
    private volatile long fixedNanos;

    public KeyRotationSimulation() {
        super(PROPS, WARMUP_SECONDS);
        jsonLoad(RATE, STEP_SECONDS * 4);
    }

    @Override
    protected String claim() {
        return "Green's provider rejects green's key: a traffic-shift to green " + GREEN_WEIGHT
                + " and a rollout start are both refused by key validation, and at " + RATE
                + " req/s no client sees an error from green.";
    }

    @Override
    protected GateRig startRig() {
        return GateRig.start(
                ProfileSettings.healthy(), ProfileSettings.of(Profile.UNAUTHORIZED), UnaryOperator.identity());
    }

    @Override
    protected void choreograph(AdminClient admin) {
        int green = (int) GREEN_WEIGHT;
        control.at(Duration.ofSeconds(WARMUP_SECONDS), "validate keys", () -> {
                    validate = admin.validateKeys();
                    run().event("validate_keys", "status " + validate.status());
                })
                .at(Duration.ofSeconds(WARMUP_SECONDS + STEP_SECONDS), "shift with a rejected key", () -> {
                    shift = admin.trafficShift(100 - green, green);
                    run().event("traffic_shift_attempt", "status " + shift.status() + ": " + shift.body());
                })
                .at(Duration.ofSeconds(WARMUP_SECONDS + STEP_SECONDS * 2), "rollout with a rejected key", () -> {
                    rollout = admin.patchPolicy(Rollouts.playbookBody(green, 3600, 0.01, 200, 50));
                    run().event("rollout_attempt", "status " + rollout.status() + ": " + rollout.body());
                })
                .at(Duration.ofSeconds(WARMUP_SECONDS + STEP_SECONDS * 3), "provider accepts the key again", () -> {
                    rig().green().switchProfile(ProfileSettings.healthy());
                    fixedNanos = System.nanoTime();
                    run().event("key_accepted_again", "green's provider accepts the key");
                    admin.validateKeys();
                    shiftAfterFix = admin.trafficShift(100 - green, green);
                    run().event("traffic_shift_after_fix", "status " + shiftAfterFix.status());
                });
    }

    @Override
    protected void evaluate(GateEvaluation eval, List<Observation> measured) {
        long fixed = fixedNanos;
        KeyRotationChecks.evaluate(eval, shift, rollout, measured, fixed);
        eval.measured("validate_keys_status", validate == null ? null : validate.status())
                .measured(
                        "validate_keys_green",
                        validate == null ? null : validate.body().path("green").toString())
                .measured("shift_after_fix_status", shiftAfterFix == null ? null : shiftAfterFix.status())
                .measured(
                        "green_served_after_fix",
                        measured.stream()
                                .filter(o -> fixed != 0 && o.startNanos() - fixed > 0 && o.servedBy("green"))
                                .count());
    }
}
