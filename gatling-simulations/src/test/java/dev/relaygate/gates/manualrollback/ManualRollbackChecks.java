package dev.relaygate.gates.manualrollback;

import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import java.util.List;

/**
 * The manual-rollback claim: every request started after {@code POST /admin/rollback} returned lands on
 * blue. It is only proven with traffic on both sides: green must have served before the call, and at least
 * half the offered rate must have arrived over the time left after it, else the claim is "not measured".
 *
 * @param afterSeconds  how long the load runs after the rollback is sent
 */
record ManualRollbackChecks(double ratePerSec, long afterSeconds, double failedRatioBelow) {

    /** The share of the offered load that must arrive after the rollback for the claim to be measured. */
    static final double MIN_AFTER_SHARE = 0.5;

    void evaluate(GateEvaluation eval, AdminClient.Reply rollback, List<Observation> measured) {
        eval.isTrue("rolled_back", rollback != null, "the admin rollback to have returned during the run");
        if (rollback != null) {
            long sent = rollback.sentAtNanos();
            long returned = rollback.returnedAtNanos();
            List<Observation> after =
                    measured.stream().filter(o -> o.startNanos() - returned > 0).toList();
            List<Observation> greenBefore = measured.stream()
                    .filter(o -> o.startNanos() - sent < 0 && o.servedBy("green"))
                    .toList();
            double remainingSeconds = Math.max(0, afterSeconds - rollback.tookMs() / 1000.0);
            eval.atMost(
                            "green_started_after_rollback_returned",
                            (double) after.stream()
                                    .filter(o -> o.servedBy("green"))
                                    .count(),
                            "green_after_rollback_max",
                            0)
                    .atLeast(
                            "requests_after_rollback",
                            (double) after.size(),
                            "min_requests_after_rollback",
                            Math.floor(MIN_AFTER_SHARE * ratePerSec * remainingSeconds))
                    .isTrue(
                            "green_served_before_rollback",
                            !greenBefore.isEmpty(),
                            "green to have served traffic before the rollback (else the gate proves nothing)")
                    .measured("rollback_call_ms", rollback.tookMs())
                    .measured("command_to_effect_ms", commandToEffect(measured, sent))
                    .measured("green_served_before_rollback", (long) greenBefore.size());
        }
        eval.below("failed_ratio", ObservationLog.failedRatio(measured), "failed_ratio_below", failedRatioBelow)
                .measured("requests", (long) measured.size());
    }

    /**
     * From sending the rollback to the start of the last request green served, in ms; with no green request
     * at all there is no effect to time, which is "not measurable", never 0.
     */
    static Object commandToEffect(List<Observation> measured, long sentNanos) {
        java.util.OptionalLong lastGreen = measured.stream()
                .filter(o -> o.servedBy("green"))
                .mapToLong(Observation::startNanos)
                .max();
        if (lastGreen.isEmpty()) {
            return "not measurable: green served no request";
        }
        return Math.max(0, Math.round((lastGreen.getAsLong() - sentNanos) / 1e4) / 100.0);
    }
}
