package dev.relaygate.reports.verdict;

import java.util.List;

/**
 * The build's final verdict: every failed gate, benchmark check and unreadable input, each with
 * the figure and the limit it missed. Inputs that did not run are listed but are no failure.
 */
public record Verdict(int checks, List<Failure> failures, List<String> notRun) {

    public Verdict {
        failures = List.copyOf(failures);
        notRun = List.copyOf(notRun);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    /** PASSED, FAILED, or NO CHECKS when nothing that judges anything ran. */
    public String status() {
        if (!passed()) {
            return "FAILED";
        }
        return checks == 0 ? "NO CHECKS RAN" : "PASSED";
    }

    /** One line for the banner and the console. */
    public String headline() {
        if (!passed()) {
            return failures.size() + " of " + checks + " checks failed";
        }
        if (checks == 0) {
            return "no gate or benchmark check ran, so nothing was judged";
        }
        return "all " + checks + " checks passed";
    }

    /** What failed, in one sentence: the kind ("gate", "benchmark", "gate file", "input"), its name, how. */
    public record Failure(String kind, String name, String detail) {
        public String line() {
            return kind + " " + name + ": " + detail;
        }
    }
}
