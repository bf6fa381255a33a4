package dev.relaygate.reports.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formatting for the page and the console: readable, locale-independent, never "1.0E7". */
public final class Fmt {

    private static final String DASH = "\u2014";

    private Fmt() {}

    /** 12,000 / 245.3 / 21 / 0.0412: magnitude-dependent precision, trailing zeros dropped. */
    public static String num(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "\u221e" : "-\u221e";
        }
        double abs = Math.abs(value);
        int decimals;
        if (abs >= 1000) {
            decimals = 0;
        } else if (abs >= 100) {
            decimals = 1;
        } else if (abs >= 1) {
            decimals = 2;
        } else if (abs == 0) {
            decimals = 0;
        } else {
            // three significant digits below 1
            decimals = Math.min(12, 2 - (int) Math.floor(Math.log10(abs)));
        }
        BigDecimal rounded = BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        DecimalFormat format = new DecimalFormat("#,##0.############", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(rounded);
    }

    /** A JSON scalar as shown in tables: numbers via {@link #num}, null as a dash. */
    public static String value(Object value) {
        if (value == null) {
            return DASH;
        }
        if (value instanceof Number number) {
            return num(number.doubleValue());
        }
        return String.valueOf(value);
    }

    /** Money with two decimals: "$1,234.50" for USD, "1,234.50 EUR" otherwise. */
    public static String money(double amount, String currency) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String digits = format.format(Math.abs(amount));
        String sign = amount < 0 && !"0.00".equals(digits) ? "-" : "";
        return "USD".equals(currency) ? sign + "$" + digits : sign + digits + " " + currency;
    }

    /** Money when present, a dash otherwise. */
    public static String money(Double amount, String currency) {
        return amount == null ? DASH : money(amount.doubleValue(), currency);
    }

    /** A percentage already in percent: 86.3 -> "86.3 %". */
    public static String pct(double percent) {
        return num(percent) + " %";
    }

    /** A fraction as percent: 0.05 -> "5 %". */
    public static String fractionPct(double fraction) {
        return num(fraction * 100) + " %";
    }

    /** Months with one decimal, or the given word when absent (payback "never"). */
    public static String months(Double months, String whenAbsent) {
        return months == null ? whenAbsent : num(months) + " months";
    }

    /** A data value for machine readers (data-value attributes): 12 significant digits, no float noise. */
    public static String data(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value)
                .round(new MathContext(12))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** An SVG coordinate: at most two decimals. */
    public static String px(double value) {
        return BigDecimal.valueOf(value)
                .setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
