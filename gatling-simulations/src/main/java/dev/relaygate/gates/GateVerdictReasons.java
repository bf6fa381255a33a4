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
        if (passed != failures.isEmpty() || !result.path("passed").isBoolean()) {
            return contradiction(passed, failures.size());
        }
        if (result.path("aborted").asBoolean(false)) {
            return aborted(failures);
        }
        return passed ? null : String.join("; ", failures);
    }
}
