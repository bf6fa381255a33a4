package dev.relaygate.gates.shadownoimpact;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.LatencyRecorder;
import dev.relaygate.gates.Rounding;

/**
 * The shadow-no-impact claim: shadow mode does not slow clients (shadow blocks' p99 within a margin of the
 * blue-only blocks'), no client is answered by green, and green really receives the mirrored copies: at the
 * relay's {@code sample_rate}, at least {@code minMirroredShare} of blue's answers in the shadow blocks,
 * less the copies the relay counted as dropped. Without that, a relay that mirrors nothing would pass.
 *
 * @param minMirroredShare  of the copies expected, the share green's provider must have received
 */
record ShadowNoImpactChecks(
        double p99IncreaseMaxMs, double failedRatioBelow, double sampleRate, double minMirroredShare) {

    /** What the run saw: latencies per block kind, green's answers to clients and the copies it received. */
    record Observed(
            LatencyRecorder blueOnly,
            LatencyRecorder shadow,
            long answeredByGreen,
            long shadowBlueAnswers,
            long droppedCopies,
            long greenReceived,
            double failedRatio) {}

    void evaluate(GateEvaluation eval, Observed o) {
        Double p99Blue = o.blueOnly().percentilesMs().get("p99");
        Double p99Shadow = o.shadow().percentilesMs().get("p99");
        Double increase = p99Blue == null || p99Shadow == null ? null : Rounding.round3(p99Shadow - p99Blue);
        double expectedCopies = sampleRate * Math.max(0, o.shadowBlueAnswers() - o.droppedCopies());
        eval.atMost("p99_increase_ms", increase, "p99_increase_max_ms", p99IncreaseMaxMs)
                .atMost("clients_answered_by_green", (double) o.answeredByGreen(), "clients_answered_by_green_max", 0)
                .atLeast(
                        "green_requests_received",
                        (double) o.greenReceived(),
                        "min_green_requests_received",
                        Math.floor(minMirroredShare * expectedCopies))
                .below("failed_ratio", o.failedRatio(), "failed_ratio_below", failedRatioBelow)
                .measured("shadow_blue_answers", o.shadowBlueAnswers())
                .measured("shadow_dropped", o.droppedCopies())
                .measured("blue_only_p99_ms", p99Blue)
                .measured("shadow_p99_ms", p99Shadow)
                .measured("blue_only_requests", o.blueOnly().count())
                .measured("shadow_requests", o.shadow().count());
    }
}
