package dev.relaygate.roi.calc;

import dev.relaygate.roi.pricing.TokenKind;
import dev.relaygate.roi.report.RoiReport;
import dev.relaygate.roi.report.RoiReport.BreakEven;
import dev.relaygate.roi.report.RoiReport.BreakdownRow;
import dev.relaygate.roi.report.RoiReport.ModelResult;
import dev.relaygate.roi.report.RoiReport.ProjectionMonth;
import dev.relaygate.roi.report.RoiReport.Totals;
import dev.relaygate.roi.usage.Scenario;
import dev.relaygate.roi.usage.Scenario.ModelLine;
import dev.relaygate.roi.usage.Scenario.PricedKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Deterministic figures (per model, totals, projection, payback, break-even) plus bands and tornado. */
public final class RoiCalculator {
    public static final String RELAY = "relay";
    public static final String DIRECT = "direct";

    private RoiCalculator() {}

    public static RoiReport calculate(Scenario scenario, Instant generatedAt) {
        List<ModelResult> models = new ArrayList<>();
        for (ModelLine line : scenario.models()) {
            models.add(model(line, scenario.fxCnyPerUsd()));
        }
        double direct = models.stream().mapToDouble(ModelResult::directMonthly).sum();
        double relay = models.stream().mapToDouble(ModelResult::relayMonthly).sum();
        double savings = direct - relay;
        double advised = models.stream()
                .mapToDouble(m -> Math.max(0.0, m.savingsMonthly()))
                .sum();
        double mtok =
                models.stream().mapToDouble(m -> m.monthlyTokensMtok().total()).sum();
        int months = scenario.months();
        double g = scenario.monthlyGrowthRate();
        double horizon = Growth.horizonFactor(g, months);
        // the first twelve months with growth, as the projection has them: not 12 x month one
        double year = Growth.horizonFactor(g, 12);
        Totals totals = new Totals(
                direct,
                relay,
                savings,
                pct(savings, direct),
                year * direct,
                year * relay,
                year * savings,
                months,
                direct * horizon,
                relay * horizon,
                savings * horizon,
                mtok,
                advised);

        double cost = scenario.migrationCost();
        List<ProjectionMonth> projection = new ArrayList<>();
        double cumulative = 0;
        for (int m = 1; m <= months; m++) {
            double f = Growth.factor(g, m);
            cumulative += savings * f;
            projection.add(new ProjectionMonth(m, direct * f, relay * f, savings * f, cumulative, cumulative - cost));
        }
        double payback = Growth.paybackMonths(savings, g, cost);
        CostModel costModel = new CostModel(scenario);
        return new RoiReport(
                RoiReport.SCHEMA_VERSION,
                generatedAt.toString(),
                scenario.currency(),
                scenario.usageFile(),
                scenario.relayPricing(),
                MonteCarlo.withSavingsBands(models, costModel, scenario),
                totals,
                new RoiReport.Migration(cost, scenario.engineeringHours(), scenario.hourlyRate()),
                Double.isNaN(payback) ? null : payback,
                paybackText(payback, months),
                breakEven(totals.horizonSavings(), cost, mtok),
                projection,
                MonteCarlo.run(costModel, scenario),
                Sensitivity.table(costModel, scenario),
                null);
    }

    private static ModelResult model(ModelLine line, double fx) {
        List<BreakdownRow> rows = new ArrayList<>();
        Map<String, String> rules = new LinkedHashMap<>();
        double[] mtok = new double[TokenKind.values().length];
        double direct = 0;
        double relay = 0;
        for (PricedKind k : line.kinds()) {
            double relayPerMtok = k.relayRule().perMtok(k.directPerMtok(), fx);
            double directCost = k.mtok() * k.directPerMtok();
            double relayCost = k.mtok() * relayPerMtok;
            direct += directCost;
            relay += relayCost;
            mtok[k.kind().ordinal()] = k.mtok();
            rules.put(k.kind().jsonName(), k.relayRule().description());
            rows.add(new BreakdownRow(
                    k.kind().jsonName(),
                    k.mtok(),
                    k.directPerMtok(),
                    directCost,
                    k.directRule(),
                    relayPerMtok,
                    relayCost,
                    k.relayRule().description()));
        }
        double savings = direct - relay;
        double total = mtok[0] + mtok[1] + mtok[2] + mtok[3];
        return new ModelResult(
                line.model(),
                line.provider(),
                new RoiReport.Tokens(mtok[0], mtok[1], mtok[2], mtok[3], total),
                direct,
                relay,
                savings,
                pct(savings, direct),
                savings >= 0 ? RELAY : DIRECT,
                Collections.unmodifiableMap(rules),
                rows,
                new RoiReport.PriceSource(line.sourceUrl(), line.asOf()),
                null); // the Monte Carlo band is added once every model is known
    }

    /**
     * Horizon savings are linear in a common volume factor k, so k = cost / horizon savings. Null when
     * savings are not positive (no volume makes the relay pay back); 0 when there is nothing to pay back.
     */
    static BreakEven breakEven(double horizonSavings, double cost, double monthlyMtok) {
        if (cost <= 0) {
            return new BreakEven(0.0, 0.0);
        }
        if (horizonSavings <= 0) {
            return new BreakEven(null, null);
        }
        double factor = cost / horizonSavings;
        return new BreakEven(factor, factor * monthlyMtok);
    }

    /**
     * "5.3 months"; "24.7 months (beyond the 12-month horizon)" when it pays back after the projection ends;
     * "never" only when cumulative savings do not cover the cost within {@link Growth#MAX_PAYBACK_MONTHS}.
     */
    public static String paybackText(double months, int horizon) {
        if (Double.isNaN(months)) {
            return NEVER;
        }
        String text = String.format(Locale.ROOT, "%.1f months", months);
        return months > horizon ? text + " (beyond the " + horizon + "-month horizon)" : text;
    }

    /** The payback text when savings never cover the migration cost. */
    public static final String NEVER =
            "never (savings do not cover the migration cost within " + Growth.MAX_PAYBACK_MONTHS + " months)";

    private static double pct(double savings, double direct) {
        return direct == 0 ? 0.0 : 100.0 * savings / direct;
    }
}
