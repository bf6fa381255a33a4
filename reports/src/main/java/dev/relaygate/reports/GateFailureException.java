package dev.relaygate.reports;

import dev.relaygate.reports.verdict.Verdict;
import java.util.stream.Collectors;

/** The build's final verdict when a gate or benchmark check failed; names each one. */
public final class GateFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    GateFailureException(ReportOutcome outcome) {
        super("relaygate verdict FAILED, " + outcome.verdict().headline() + ": "
                + outcome.verdict().failures().stream()
                        .map(Verdict.Failure::line)
                        .collect(Collectors.joining("; "))
                + " (report: " + outcome.indexHtml().toAbsolutePath().normalize() + ")");
    }
}
