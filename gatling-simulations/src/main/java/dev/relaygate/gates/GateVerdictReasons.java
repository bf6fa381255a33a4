package dev.relaygate.gates;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The sentences a verdict gives for a gate result it cannot accept. The reports module gives the same
 * sentences for the same cases (it reads the JSON only and does not share this class), so a gates-only
 * build and the report name a failure alike.
 */
public final class GateVerdictReasons {

    private GateVerdictReasons() {}

    public static String missing(String runId) {
        return "expected in run " + runId + ", but no result was written";
    }

    public static String staleRun(String resultRunId, String runId) {
        return "from run " + resultRunId + ", not from this run " + runId + " (a stale result)";
    }

    public static String notRequested(String runId) {
        return "a result is present, but run " + runId + " did not request this gate";
    }

    public static String unreadable(String why) {
        return "unreadable result: " + why;
    }

    public static String contradiction(boolean passed, int failures) {
        return "self-contradictory result: passed is " + passed + " with " + failures + " failure"
                + (failures == 1 ? "" : "s");
    }

    public static String aborted(List<String> failures) {
        return "aborted: " + String.join("; ", failures);
    }

    public static String loosened(String gate, String threshold, double value, double defaultValue) {
        return gate + "." + threshold + " = " + GateEvaluation.format(value) + " (default "
                + GateEvaluation.format(defaultValue) + ")";
    }

    /** Null when the result is this run's and passed; otherwise the one reason it is not. */
    static String judge(JsonNode result, String runId) {
        String resultRun = result.path("run_id").asText("");
        if (!runId.equals(resultRun)) {
            return staleRun(resultRun.isEmpty() ? "(none)" : resultRun, runId);
        }
        List<String> failures = new ArrayList<>();
        result.path("failures").forEach(f -> failures.add(f.asText()));
        boolean passed = result.path("passed").asBoolean(false);
        boolean notSupported = result.path("not_supported").isTextual();
        if (passed != (failures.isEmpty() && !notSupported)
                || !result.path("passed").isBoolean()) {
            return contradiction(passed, failures.size());
        }
        if (notSupported && (!failures.isEmpty() || result.path("aborted").asBoolean(false))) {
            return "self-contradictory result: not supported by its relay, yet aborted or with failures";
        }
        if (result.path("aborted").asBoolean(false)) {
            return aborted(failures);
        }
        return passed || notSupported ? null : String.join("; ", failures);
    }

    /**
     * Whether a result that did not pass is a peer's finding rather than a broken run: this run's, consistent,
     * not aborted, with its failed checks. Only such results of a compared relay leave the build's verdict alone.
     */
    static boolean isFinding(JsonNode result, String runId) {
        return runId.equals(result.path("run_id").asText(""))
                && !result.path("aborted").asBoolean(false)
                && result.path("passed").isBoolean()
                && !result.path("passed").asBoolean()
                && result.path("failures").size() > 0;
    }
}
