package dev.relaygate.reports.claims;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as the scorecard writes them: three significant figures, whole dollars with thousands separators. */
final class ClaimText {

    private ClaimText() {}

    static String number(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "\u221e" : "-\u221e";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return new BigDecimal(value)
                .round(new MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
    }

    static String money(double value) {
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%,.2f", value);
    }
}
