package dev.relaygate.jmh.gate;

import java.util.Locale;

/**
 * One gated figure: {@code measured comparison limit} must hold (e.g. {@code 0.0 < 1.0}). A figure
 * that is missing from the result is NaN, and fails.
 *
 * @param benchmark  the benchmark and its parameters, e.g. {@code RouteDecisionBenchmark.weighted [greenWeight=10]}
 * @param metric     {@code gc.alloc.rate.norm} (B/op) or {@code ratio_to_baseline}
 * @param comparison {@code <} or {@code <=}
 * @param message    one line for humans: what was measured against what, or why it is missing
 */
public record GateCheck(
        String benchmark,
        String metric,
        double measured,
        double limit,
        String comparison,
        boolean passed,
        String message) {

    public static final String LESS = "<";
    public static final String AT_MOST = "<=";

    public static GateCheck of(
            String benchmark, String metric, double measured, String comparison, double limit, String message) {
        boolean passed = switch (comparison) {
            case LESS -> measured < limit;
            case AT_MOST -> measured <= limit;
            default -> throw new IllegalArgumentException("comparison must be one of [<, <=], but was " + comparison);
        };
        return new GateCheck(benchmark, metric, measured, limit, comparison, passed, message);
    }

    /** A gated figure the result does not have: always a failure. */
    public static GateCheck missing(String benchmark, String metric, String comparison, double limit, String why) {
        return new GateCheck(benchmark, metric, Double.NaN, limit, comparison, false, why);
    }

    /** {@code BENCHMARK: METRIC measured X, limit < Y: MESSAGE}, the line printed for a failure. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s: %s measured %s, limit %s %s: %s",
                benchmark,
                metric,
                format(measured),
                comparison,
                format(limit),
                message);
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.3f", value);
    }
}
