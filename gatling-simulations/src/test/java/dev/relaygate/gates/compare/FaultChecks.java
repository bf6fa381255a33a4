package dev.relaygate.gates.compare;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.Rounding;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The errors-under-fault claims over the requests started during the fault: the errors clients saw stay
 * below the limit, and the relay stopped sending to green within the limit of the onset. "Stopped" is read
 * from the upstreams' own answers: no answer from green (success or error) to a request started in the last
 * {@code quietMs} of the fault; the stop time is then the start of the last request green answered (0 when
 * none), measured from the onset. A relay still sending to green at the end never stopped.
 *
 * @param startMs  a request's start, in ms from the fault onset
 */
record FaultChecks(double clientErrorRatioBelow, double stopWithinMs, long faultMs, long quietMs) {

    void evaluate(GateEvaluation eval, List<Observation> duringFault, ToLongFunction<Observation> startMs) {
        List<Observation> green =
                duringFault.stream().filter(o -> o.servedBy("green")).toList();
        long lastGreenMs = green.stream().mapToLong(startMs).max().orElse(-1);
        boolean stopped = lastGreenMs < faultMs - quietMs;
        long greenAtTheEnd = green.stream()
                .filter(o -> startMs.applyAsLong(o) >= faultMs - quietMs)
                .count();
        eval.below(
                "client_error_ratio",
                ObservationLog.failedRatio(duringFault),
                "client_error_ratio_below",
                clientErrorRatioBelow);
        if (stopped) {
            eval.atMost(
                    "stopped_sending_to_green_after_ms",
                    (double) Math.max(0, lastGreenMs),
                    "stop_within_ms",
                    stopWithinMs);
        } else {
            eval.measured("stopped_sending_to_green_after_ms", null)
                    .isTrue(
                            "stopped_sending_to_green",
                            false,
                            "the relay to stop sending to green within " + (long) stopWithinMs
                                    + " ms of the onset, but it never did (" + greenAtTheEnd
                                    + " answers from green to requests started in the last " + quietMs / 1000
                                    + " s of the fault)");
        }
        eval.measured("requests_during_fault", (long) duringFault.size())
                .measured(
                        "client_errors_during_fault",
                        duringFault.stream().filter(Observation::failed).count())
                .measured("green_requests_during_fault", (long) green.size())
                .measured(
                        "green_requests_in_last_10_s_of_fault",
                        green.stream()
                                .filter(o -> startMs.applyAsLong(o) >= faultMs - 10_000)
                                .count())
                .measured("stopped_sending_to_green", stopped)
                .measured("client_error_ratio_percent", Rounding.round3(100 * ObservationLog.failedRatio(duringFault)));
    }
}
