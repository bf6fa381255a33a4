package dev.relaygate.reports.verdict;

import java.util.List;

/**
 * The sentences for results the verdict cannot accept. A gates-only build (the gates module's own verdict
 * step) gives the same sentences for the same cases, so a failure reads alike wherever it is judged.
 */
final class VerdictReasons {

    private VerdictReasons() {}

    static String missing(String runId) {
        return "expected in run " + runId + ", but no result was written";
    }

    static String staleRun(String resultRunId, String runId) {
        return "from run " + (resultRunId == null || resultRunId.isBlank() ? "(none)" : resultRunId)
                + ", not from this run " + runId + " (a stale result)";
    }

    static String notRequested(String runId) {
        return "a result is present, but run " + runId + " did not request this gate";
    }

    static String aborted(List<String> failures) {
        return "aborted: " + String.join("; ", failures);
    }
}
