package dev.relaygate.gates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Thresholds against measured figures. Every check records its limit under {@code thresholds} and its
 * figure under {@code measured}; a violated check adds one sentence naming the figure, its value and the
 * limit. A figure that was never measured (null or NaN) fails its check: a gate never passes on missing
 * evidence.
 */
public final class GateEvaluation {

    private final Map<String, Object> thresholds = new LinkedHashMap<>();
    private final Map<String, Object> targets = new LinkedHashMap<>();
    private final Map<String, Object> measured = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    /** {@code figure < limit}. */
    public GateEvaluation below(String figure, Double value, String limitName, double limit) {
        return check(figure, value, limitName, limit, value != null && value < limit, "not below the limit");
    }

    /** {@code figure <= limit}. */
    public GateEvaluation atMost(String figure, Double value, String limitName, double limit) {
        return check(figure, value, limitName, limit, value != null && value <= limit, "above the limit");
    }

    /** {@code figure >= limit}. */
    public GateEvaluation atLeast(String figure, Double value, String limitName, double limit) {
        return check(figure, value, limitName, limit, value != null && value >= limit, "below the minimum");
    }

    /** A yes/no property the gate requires, e.g. "reached PROMOTED". */
    public GateEvaluation isTrue(String figure, boolean value, String requirement) {
        measured.put(figure, value);
        thresholds.put(figure, true);
        if (!value) {
            failures.add(figure + " was false, but the gate requires " + requirement);
        }
        return this;
    }

    /** A figure reported without a limit. */
    public GateEvaluation measured(String figure, Object value) {
        measured.put(Objects.requireNonNull(figure, "figure"), finiteOrNull(value));
        return this;
    }

    /** One of our own stricter targets: reported next to the figure, never gated. */
    public GateEvaluation target(String name, double value) {
        targets.put(name, value);
        return this;
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public Map<String, Object> thresholds() {
        return new LinkedHashMap<>(thresholds);
    }

    public Map<String, Object> targets() {
        return new LinkedHashMap<>(targets);
    }

    public Map<String, Object> measuredFigures() {
        return new LinkedHashMap<>(measured);
    }

    private GateEvaluation check(
            String figure, Double value, String limitName, double limit, boolean holds, String violation) {
        Objects.requireNonNull(figure, "figure");
        Objects.requireNonNull(limitName, "limitName");
        thresholds.put(limitName, limit);
        boolean missing = value == null || !Double.isFinite(value);
        measured.put(figure, missing ? null : value);
        if (missing) {
            failures.add(
                    figure + " was not measured, so " + limitName + " = " + format(limit) + " cannot be shown to hold");
        } else if (!holds) {
            failures.add(figure + " was " + format(value) + ", " + violation + " " + limitName + " = " + format(limit));
        }
        return this;
    }

    private static Object finiteOrNull(Object value) {
        return value instanceof Double d && !Double.isFinite(d) ? null : value;
    }

    /**
     * Whole numbers without ".0", others with up to three decimals, and fractions below 1 with four
     * significant digits (an alpha of 1e-4 must not read as 0): sentences read like the JSON.
     */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) < 1) {
            return new java.math.BigDecimal(v)
                    .round(new java.math.MathContext(4))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        return String.valueOf(Math.round(v * 1000.0) / 1000.0);
    }
}
