package dev.relaygate.roi.report;

import dev.relaygate.roi.report.RoiReport.ModelResult;
import dev.relaygate.roi.report.RoiReport.Totals;
import java.util.Locale;

/** One row per model plus an OVERALL TOTAL row; money rounded to cents, volumes in Mtok per month. */
public final class CsvFormat {
    public static final String HEADER = "model,provider,input_mtok,cached_input_mtok,cache_write_mtok,output_mtok,"
            + "total_mtok,direct_monthly,relay_monthly,savings_monthly,savings_pct,advice";

    private CsvFormat() {}

    public static String write(RoiReport report) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (ModelResult m : report.models()) {
            RoiReport.Tokens t = m.monthlyTokensMtok();
            sb.append(String.join(
                            ",",
                            quote(m.model()),
                            quote(m.provider()),
                            num(t.input()),
                            num(t.cachedInput()),
                            num(t.cacheWrite()),
                            num(t.output()),
                            num(t.total()),
                            cents(m.directMonthly()),
                            cents(m.relayMonthly()),
                            cents(m.savingsMonthly()),
                            pct(m.savingsPct()),
                            m.advice()))
                    .append('\n');
        }
        Totals t = report.totals();
        sb.append(String.join(
                        ",",
                        "OVERALL TOTAL",
                        "",
                        "",
                        "",
                        "",
                        "",
                        num(t.monthlyTokensMtok()),
                        cents(t.directMonthly()),
                        cents(t.relayMonthly()),
                        cents(t.savingsMonthly()),
                        pct(t.savingsPct()),
                        ""))
                .append('\n');
        return sb.toString();
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static String cents(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String num(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
