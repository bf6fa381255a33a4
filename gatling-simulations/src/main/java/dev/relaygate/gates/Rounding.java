package dev.relaygate.gates;

/** Figures rounded for the result file; NaN and infinities stay as they are, never a passing 0. */
public final class Rounding {

    private Rounding() {}

    /** To three decimals (ms to the microsecond). */
    public static double round3(double v) {
        return Double.isFinite(v) ? Math.round(v * 1_000.0) / 1_000.0 : v;
    }

    /** To four decimals (shares and rates). */
    public static double round4(double v) {
        return Double.isFinite(v) ? Math.round(v * 10_000.0) / 10_000.0 : v;
    }
}
