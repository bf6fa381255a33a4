package dev.relaygate.reports.verdict;

import java.util.List;

/**
 * The build's final verdict: every failed gate, benchmark check and missing, stale or unreadable input,
 * each with the figure and limit it missed or the reason it cannot be trusted. It passes only when every
 * expected check ran in this build and held; nothing checked is never a pass.
 *
 * @param runId              the build's run id every result was held to (null when none was known)
 * @param gatesRun           gates this run requested (each had to produce a result)
 * @param gatesNotRequested  gates of the catalog a {@code -Dgates=} subset left out
 * @param benchmarkChecks    JMH gate checks judged
 * @param loosened           thresholds overridden to a looser value, e.g. "steady-state.p99_below_ms = 500 (default 200)"
 */
public record Verdict(
        String runId,
        int gatesRun,
        int gatesNotRequested,
        int benchmarkChecks,
        List<Failure> failures,
        List<String> loosened) {

    public Verdict {
        failures = List.copyOf(failures);
        loosened = List.copyOf(loosened);
    }

    /** Every check that counts: gates run plus benchmark checks. */
    public int checks() {
        return gatesRun + benchmarkChecks;
    }

    public boolean passed() {
        return failures.isEmpty() && checks() > 0;
    }

    public String status() {
        return passed() ? "PASSED" : "FAILED";
    }

    /** One line for the banner and the console. */
    public String headline() {
        if (!passed()) {
            return failures.isEmpty()
                    ? "nothing was checked, so nothing passed"
                    : failures.size() + (failures.size() == 1 ? " failure" : " failures") + " in " + checks()
                            + " checks";
        }
        String ran = gatesRun + " of " + (gatesRun + gatesNotRequested) + " gates run"
                + (gatesNotRequested > 0 ? " (" + gatesNotRequested + " not requested)" : "")
                + ", " + benchmarkChecks + " benchmark checks";
        return loosened.isEmpty()
                ? ran
                : ran + "; passed with " + loosened.size() + " loosened threshold" + (loosened.size() == 1 ? "" : "s")
                        + ": " + String.join(", ", loosened);
    }

    /** What failed, in one sentence: the kind ("gate", "benchmark", "input"...), its name, how. */
    public record Failure(String kind, String name, String detail) {
        public String line() {
            return kind + " " + name + ": " + detail;
        }
    }
}
