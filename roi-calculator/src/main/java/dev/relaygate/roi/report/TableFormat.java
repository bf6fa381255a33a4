package dev.relaygate.roi.report;

import dev.relaygate.roi.report.RoiReport.Band;
import dev.relaygate.roi.report.RoiReport.ModelResult;
import dev.relaygate.roi.report.RoiReport.SensitivityRow;
import dev.relaygate.roi.report.RoiReport.Totals;
import java.util.Locale;

/** Console table in the style of Infracost: one row per model and an OVERALL TOTAL row, then the summary. */
public final class TableFormat {
    private static final String ROW = "%-24s %14s %14s %14s %14s %9s  %-6s%n";

    private TableFormat() {}

    public static String write(RoiReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(f(ROW, "MODEL", "MONTHLY MTOK", "DIRECT/MO", "RELAY/MO", "SAVINGS/MO", "SAVINGS", "ADVICE"));
        for (ModelResult m : r.models()) {
            sb.append(f(
                    ROW,
                    m.model(),
                    mtok(m.monthlyTokensMtok().total()),
                    money(m.directMonthly()),
                    money(m.relayMonthly()),
                    money(m.savingsMonthly()),
                    pct(m.savingsPct()),
                    m.advice()));
        }
        Totals t = r.totals();
        sb.append("-".repeat(112)).append('\n');
        for (ModelResult m : r.models()) {
            Band b = m.savingsMonthlyBand();
            if (b != null) {
                sb.append(f(
                        "%-24s savings/month P10/P50/P90: %s / %s / %s%n",
                        m.model(), money(b.p10()), money(b.p50()), money(b.p90())));
            }
        }
        sb.append(f(
                ROW,
                "OVERALL TOTAL",
                mtok(t.monthlyTokensMtok()),
                money(t.directMonthly()),
                money(t.relayMonthly()),
                money(t.savingsMonthly()),
                pct(t.savingsPct()),
                ""));
        sb.append('\n');
        sb.append(f("Relay pricing:          %s%n", r.relayPricing().pricing()));
        sb.append(f("Yearly savings:         %s (first 12 months, with growth)%n", money(t.savingsYearly())));
        sb.append(f("Horizon savings:        %s over %d months%n", money(t.horizonSavings()), t.horizonMonths()));
        sb.append(f(
                "Migration cost:         %s (%s h x %s/h)%n",
                money(r.migration().cost()),
                plain(r.migration().engineeringHours()),
                money(r.migration().hourlyRate())));
        sb.append(f("Payback:                %s%n", r.payback()));
        sb.append(f(
                "Break-even volume:      %s%n",
                r.breakEven().volumeFactor() == null
                        ? "none (relay never cheaper)"
                        : f(
                                "x%.3f of today's volumes (%s Mtok/month)",
                                r.breakEven().volumeFactor(), mtok(r.breakEven().monthlyMtok()))));
        RoiReport.Uncertainty u = r.uncertainty();
        sb.append(f("Monte Carlo (%d trials, seed %d):%n", u.trials(), u.seed()));
        sb.append(f(
                "  horizon savings P10/P50/P90: %s / %s / %s%n",
                money(u.horizonSavings().p10()),
                money(u.horizonSavings().p50()),
                money(u.horizonSavings().p90())));
        Band p = u.paybackMonths();
        sb.append(
                f("  payback months  P10/P50/P90: %s / %s / %s%n", months(p.p10()), months(p.p50()), months(p.p90())));
        sb.append("Sensitivity of horizon savings (one at a time):\n");
        for (SensitivityRow s : r.sensitivity()) {
            sb.append(f(
                    "  %-44s %10s -> %14s   %10s -> %14s%n",
                    s.input(),
                    plain(s.low()),
                    money(s.horizonSavingsLow()),
                    plain(s.high()),
                    money(s.horizonSavingsHigh())));
        }
        sb.append("Prices:\n");
        for (ModelResult m : r.models()) {
            String asOf = m.priceSource().asOf() == null
                    ? ""
                    : " (as of " + m.priceSource().asOf() + ")";
            sb.append(f("  %-24s %s%s%n", m.model(), m.priceSource().url(), asOf));
        }
        return sb.toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String money(double v) {
        return (v < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%,.2f", Math.abs(v));
    }

    private static String mtok(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v);
    }

    private static String plain(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String months(Double v) {
        return v == null ? "never" : String.format(Locale.ROOT, "%.1f", v);
    }
}
