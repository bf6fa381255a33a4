package dev.relaygate.reports.claims;

import dev.relaygate.reports.input.RoiResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ROI figures a claim may bind to, by their path in {@code roi.json}, with units. A payback that never
 * comes reads as infinitely many months, so "within a month" is refuted by it.
 */
public final class RoiFigures {

    private static final Map<String, FigureUnit> UNITS = new LinkedHashMap<>();

    static {
        UNITS.put("totals.direct_monthly", FigureUnit.USD_PER_MONTH);
        UNITS.put("totals.relay_monthly", FigureUnit.USD_PER_MONTH);
        UNITS.put("totals.savings_monthly", FigureUnit.USD_PER_MONTH);
        UNITS.put("totals.savings_pct", FigureUnit.PERCENT);
        UNITS.put("totals.direct_yearly", FigureUnit.USD_PER_YEAR);
        UNITS.put("totals.relay_yearly", FigureUnit.USD_PER_YEAR);
        UNITS.put("totals.savings_yearly", FigureUnit.USD_PER_YEAR);
        UNITS.put("totals.horizon_savings", FigureUnit.USD);
        UNITS.put("migration.cost", FigureUnit.USD);
        UNITS.put("payback_months", FigureUnit.MONTHS);
    }

    private RoiFigures() {}

    public static Optional<FigureUnit> unit(String figure) {
        return Optional.ofNullable(UNITS.get(figure));
    }

    public static String names() {
        return String.join(", ", UNITS.keySet());
    }

    /** The figure's value in {@code roi}; NaN when the result lacks it. */
    static double value(RoiResult roi, String figure) {
        RoiResult.Totals t = roi.totals();
        return switch (figure) {
            case "totals.direct_monthly" -> t.directMonthly();
            case "totals.relay_monthly" -> t.relayMonthly();
            case "totals.savings_monthly" -> t.savingsMonthly();
            case "totals.savings_pct" -> t.savingsPct();
            case "totals.direct_yearly" -> t.directYearly();
            case "totals.relay_yearly" -> t.relayYearly();
            case "totals.savings_yearly" -> t.savingsYearly();
            case "totals.horizon_savings" -> t.horizonSavings();
            case "migration.cost" ->
                roi.migration() == null ? Double.NaN : roi.migration().cost();
            case "payback_months" -> roi.paybackMonths() == null ? Double.POSITIVE_INFINITY : roi.paybackMonths();
            default -> throw new IllegalArgumentException("not an ROI figure: " + figure);
        };
    }

    /** How the figure reads on the scorecard; a payback that never comes says so in the calculator's words. */
    static String text(RoiResult roi, String figure, double valueInClaimUnit, FigureUnit claimUnit) {
        if ("payback_months".equals(figure) && roi.paybackMonths() == null) {
            return roi.payback() == null ? "never" : roi.payback();
        }
        return claimUnit.format(valueInClaimUnit);
    }
}
