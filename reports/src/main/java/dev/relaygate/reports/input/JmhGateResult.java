package dev.relaygate.reports.input;

import java.util.List;

/**
 * The jmh module's verdict over the short benchmark pass ({@code jmh/target/jmh-gate.json}), with the run
 * id of the build that produced it and the SHA-256 of the {@code jmh-result.json} it judged.
 */
public record JmhGateResult(boolean passed, List<Check> checks, String runId, String resultSha256) {

    public JmhGateResult {
        checks = checks == null ? null : List.copyOf(checks);
    }

    /** One gated figure: {@code measured comparison limit} must hold, e.g. {@code 0.0 < 1.0}. */
    public record Check(
            String benchmark,
            String metric,
            double measured,
            double limit,
            String comparison,
            boolean passed,
            String message) {}
}
