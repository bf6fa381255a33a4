package dev.relaygate.relay.rollout;

import dev.relaygate.relay.config.TrafficShiftSettings;

/**
 * Turns the state file into the controller's initial state. A ROLLED_BACK file restores ROLLED_BACK
 * (green 0), so a restart never sends traffic back to green; a live rollout resumes its phase, step
 * and weight with the step clock restarted, so the judge gathers a fresh window before advancing.
 */
final class StateRestorer {

    private StateRestorer() {}

    static RolloutState restore(StateFile file, long now) {
        if (file == null) {
            return RolloutState.stable(now);
        }
        return file.load().map(p -> from(p, now)).orElseGet(() -> RolloutState.stable(now));
    }

    private static RolloutState from(PersistedState p, long now) {
        TrafficShiftSettings settings = p.trafficShift() != null ? p.trafficShift() : TrafficShiftSettings.defaults();
        return switch (p.phase()) {
            case ROLLED_BACK ->
                new RolloutState(
                        Phase.ROLLED_BACK,
                        0,
                        0,
                        settings,
                        0,
                        now,
                        new RollbackEvidence(
                                p.updatedAtMillis(),
                                false,
                                (p.rollbackReason() == null ? "rolled back" : p.rollbackReason())
                                        + " (restored from state file)",
                                null,
                                Phase.ROLLED_BACK,
                                0,
                                0));
            case SHADOW, CANARY, PROMOTED ->
                new RolloutState(p.phase(), p.step(), p.greenWeight(), settings, now, now, null);
            case STABLE -> RolloutState.stable(now);
        };
    }
}
