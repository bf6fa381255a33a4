package dev.relaygate.relay.rollout;

import dev.relaygate.relay.config.TrafficShiftSettings;
import dev.relaygate.relay.config.Validate;

/**
 * The controller's whole state: one immutable value in one {@code AtomicReference}. Each
 * {@code with...} method checks the transition table and returns the next state.
 *
 * @param step              canary step number (1 = first canary weight), 0 outside CANARY/PROMOTED
 * @param greenWeight       green's share in percent the controller wants; blue gets the rest
 * @param settings          the active rollout's settings; null when none was ever started
 * @param startedAtMillis   when the rollout started (0 if none)
 * @param stepStartedAtMillis when the current phase/step began: the judge's window never reaches before it
 * @param rollback          the evidence of the last rollback; null unless ROLLED_BACK
 */
public record RolloutState(
        Phase phase,
        int step,
        int greenWeight,
        TrafficShiftSettings settings,
        long startedAtMillis,
        long stepStartedAtMillis,
        RollbackEvidence rollback) {

    public RolloutState {
        Validate.inRange("green_weight", greenWeight, 0, 100);
        Validate.atLeast("step", step, 0);
    }

    /** No rollout: weights belong to the operator and the config. */
    public static RolloutState stable(long nowMillis) {
        return new RolloutState(Phase.STABLE, 0, 0, null, 0, nowMillis, null);
    }

    public int blueWeight() {
        return 100 - greenWeight;
    }

    public RolloutState withShadow(TrafficShiftSettings s, long now) {
        Phase.checkTransition(phase, Phase.SHADOW);
        return new RolloutState(Phase.SHADOW, 0, 0, s, now, now, null);
    }

    /** From STABLE (starting) or SHADOW: the first canary step. */
    public RolloutState withFirstStep(TrafficShiftSettings s, long now) {
        Phase.checkTransition(phase, Phase.CANARY);
        if (phase == Phase.CANARY) {
            throw new IllegalTransitionException(phase, Phase.CANARY);
        }
        long started = phase == Phase.SHADOW ? startedAtMillis : now;
        return new RolloutState(Phase.CANARY, 1, Math.min(100, s.increment()), s, started, now, null);
    }

    /** The next step: CANARY with green + increment, or PROMOTED once green reaches 100. */
    public RolloutState withNextStep(long now) {
        int next = Math.min(100, greenWeight + settings.increment());
        Phase to = next >= 100 ? Phase.PROMOTED : Phase.CANARY;
        Phase.checkTransition(phase, to);
        return new RolloutState(to, step + 1, next, settings, startedAtMillis, now, null);
    }

    public RolloutState withRollback(RollbackEvidence evidence, long now) {
        Phase.checkTransition(phase, Phase.ROLLED_BACK);
        return new RolloutState(Phase.ROLLED_BACK, 0, 0, settings, startedAtMillis, now, evidence);
    }

    /**
     * Back to STABLE: operator cancel of a live rollout, reset after a rollback, or the end of a
     * promotion swap. Weights are recorded as given; the caller owns them from here.
     */
    public RolloutState withStable(int greenWeightNow, long now) {
        Phase.checkTransition(phase, Phase.STABLE);
        return new RolloutState(Phase.STABLE, 0, greenWeightNow, settings, 0, now, null);
    }
}
