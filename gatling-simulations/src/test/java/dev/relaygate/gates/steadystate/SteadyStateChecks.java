package dev.relaygate.gates.steadystate;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import java.util.List;

/**
 * The steady-state claim over the measured requests: p99 of the answered requests under the limit, the
 * failed share (no answer counts as failed) under its limit, and the offered load actually served.
 */
public record SteadyStateChecks(
        double ratePerSec, long durationSeconds, double p99BelowMs, double failedRatioBelow, double minServedShare) {

    public void evaluate(GateEvaluation eval, List<Observation> measured) {
        eval.below(
                        "p99_ms",
                        ObservationLog.answeredLatency(measured).percentilesMs().get("p99"),
                        "p99_below_ms",
                        p99BelowMs)
                .below("failed_ratio", ObservationLog.failedRatio(measured), "failed_ratio_below", failedRatioBelow)
                .atLeast(
                        "requests",
                        (double) measured.size(),
                        "min_requests",
                        Math.floor(ratePerSec * durationSeconds * minServedShare))
                .measured(
                        "failed", measured.stream().filter(Observation::failed).count())
                .measured(
                        "unanswered",
                        measured.stream().filter(o -> !o.answered()).count())
                .measured(
                        "blue_served",
                        measured.stream().filter(o -> o.servedBy("blue")).count());
    }
}
