package dev.relaygate.reports.input;

import java.util.List;

/** The jmh module's verdict over the short benchmark pass ({@code jmh/target/jmh-gate.json}). */
public record JmhGateResult(boolean passed, List<Check> checks) {

    public JmhGateResult {
        checks = checks == null ? null : List.copyOf(checks);
    }

    /** One gated figure: {@code measured comparison limit} must hold, e.g. {@code 0.0 < 1.0}. */
    public record Check(String benchmark, String metric, double measured, double limit, String comparison,
                        boolean passed, String message) {
    }
}
