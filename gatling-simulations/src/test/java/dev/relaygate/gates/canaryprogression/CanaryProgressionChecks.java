package dev.relaygate.gates.canaryprogression;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.RolloutEventView;
import dev.relaygate.gates.Rounding;
import dev.relaygate.gates.StepShare;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The canary-progression claim: the rollout reaches PROMOTED without a rollback, few requests fail, and
 * every canary step the rollout should have taken (increment, 2 x increment, ... 100) was observed with
 * enough requests and a green share matching its weight. The weight-0 stretch before the rollout started
 * is not a canary step and never counts towards them.
 *
 * @param minStepRequests  a step with fewer measured requests than this cannot show its share, and fails
 */
record CanaryProgressionChecks(
        long increment, double alpha, long guardMs, double failedRatioBelow, long minStepRequests) {

    void evaluate(
            GateEvaluation eval,
            List<RolloutEventView> changes,
            List<Observation> measured,
            ToLongFunction<Observation> startEpochMs) {
        eval.isTrue(
                        "reached_promoted",
                        changes.stream().anyMatch(e -> e.is("PROMOTED")),
                        "the rollout to reach PROMOTED")
                .isTrue(
                        "no_rollback",
                        changes.stream().noneMatch(e -> e.is("ROLLED_BACK")),
                        "no rollback of a healthy green")
                .below("failed_ratio", ObservationLog.failedRatio(measured), "failed_ratio_below", failedRatioBelow);
        Map<Integer, StepShare> steps = canarySteps(changes, measured, startEpochMs);
        for (long w = increment; ; w = Math.min(100, w + increment)) {
            StepShare step = steps.get((int) w);
            String key = "step_green_" + w;
            eval.atLeast(
                            key + "_requests",
                            step == null ? null : (double) step.requests(),
                            "min_step_requests",
                            minStepRequests)
                    .atLeast(key + "_p_value", step == null ? null : step.pValue(), "step_alpha", alpha)
                    .measured(key + "_observed_share", step == null ? null : Rounding.round4(step.observedShare()));
            if (w == 100) {
                break;
            }
        }
        eval.measured("requests", (long) measured.size());
    }

    /**
     * One share per canary step: from each change that set green's weight above 0 to the next change, less a
     * guard band on both ends (a request sent at the instant of a change may meet either weight).
     */
    private Map<Integer, StepShare> canarySteps(
            List<RolloutEventView> changes, List<Observation> measured, ToLongFunction<Observation> startEpochMs) {
        Map<Integer, StepShare> out = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            RolloutEventView change = changes.get(i);
            if (change.greenWeight() <= 0) {
                continue;
            }
            long lo = change.epochMs() + guardMs;
            long hi = i + 1 < changes.size() ? changes.get(i + 1).epochMs() - guardMs : Long.MAX_VALUE;
            List<Observation> in = measured.stream()
                    .filter(o -> {
                        long t = startEpochMs.applyAsLong(o);
                        return t >= lo && t < hi;
                    })
                    .toList();
            out.put(change.greenWeight(), StepShare.of(change.greenWeight(), in));
        }
        return out;
    }
}
