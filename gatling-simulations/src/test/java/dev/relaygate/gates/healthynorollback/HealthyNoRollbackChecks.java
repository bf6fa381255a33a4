package dev.relaygate.gates.healthynorollback;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.RolloutEventView;
import java.util.List;

/**
 * The healthy-canary claim: no rollback, few failures, and the rollout advanced as far as its duration
 * allows (a judge that never calls a step healthy would otherwise pass). How far that is follows from the
 * rollout's own rules: a step lasts at least its interval, and at least as long as green needs to collect
 * {@code healthySamplesPerStep} requests at the step's share of the offered rate, plus one evaluation tick.
 *
 * @param healthySamplesPerStep green requests the judge needs before it can call a step healthy
 */
record HealthyNoRollbackChecks(
        double ratePerSec,
        long increment,
        long intervalSeconds,
        long canarySeconds,
        long healthySamplesPerStep,
        double failedRatioBelow) {

    /** Evaluation ticks are one second apart: a step can end up to one tick after it became due. */
    private static final double TICK_SECONDS = 1;

    /**
     * Green's weight the rollout must have reached when the canary ends: steps of
     * {@code max(interval, samples / green rate) + one tick} from the first step, while they fit.
     */
    long expectedGreenWeight() {
        long weight = Math.min(100, increment);
        double elapsed = 0;
        while (weight < 100) {
            double greenPerSec = ratePerSec * weight / 100.0;
            double step = Math.max(intervalSeconds, healthySamplesPerStep / greenPerSec) + TICK_SECONDS;
            if (elapsed + step > canarySeconds) {
                break;
            }
            elapsed += step;
            weight = Math.min(100, weight + increment);
        }
        return weight;
    }

    /** {@code changes}: the rollout's weight-changing events up to the end of the canary. */
    void evaluate(GateEvaluation eval, List<RolloutEventView> changes, List<Observation> measured) {
        long finalWeight =
                changes.isEmpty() ? 0 : changes.get(changes.size() - 1).greenWeight();
        eval.isTrue("rollout_started", changes.stream().anyMatch(e -> e.is("STARTED")), "the rollout to have started")
                .atMost(
                        "rollbacks",
                        (double) changes.stream()
                                .filter(e -> e.is("ROLLED_BACK"))
                                .count(),
                        "rollbacks_max",
                        0)
                .atLeast("final_green_weight", (double) finalWeight, "min_final_green_weight", expectedGreenWeight())
                .below("failed_ratio", ObservationLog.failedRatio(measured), "failed_ratio_below", failedRatioBelow)
                .measured(
                        "steps_advanced",
                        changes.stream()
                                .filter(e -> e.is("STEP_ADVANCED") || e.is("PROMOTED"))
                                .count())
                .measured("requests", (long) measured.size())
                .measured(
                        "green_served",
                        measured.stream().filter(o -> o.servedBy("green")).count());
    }
}
