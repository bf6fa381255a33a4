package dev.relaygate.reports.input;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ROI calculator's {@code roi.json}, read as JSON so this module does not depend on the
 * calculator's classes. Money in {@code currency}; volumes in millions of tokens per month;
 * percentages in percent; a null payback means the horizon never covers the migration cost.
 */
public record RoiResult(
        Integer schemaVersion,
        String generatedAt,
        String currency,
        String usageFile,
        Map<String, Object> relayPricing,
        List<Model> models,
        Totals totals,
        Migration migration,
        Double paybackMonths,
        String payback,
        BreakEven breakEven,
        List<ProjectionMonth> projection,
        Uncertainty uncertainty,
        List<Sensitivity> sensitivity,
        String runId) {

    public RoiResult {
        relayPricing = relayPricing == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(relayPricing));
        models = models == null ? List.of() : List.copyOf(models);
        projection = projection == null ? List.of() : List.copyOf(projection);
        sensitivity = sensitivity == null ? List.of() : List.copyOf(sensitivity);
    }

    /** One model; {@code savings_monthly_band} is its Monte Carlo P10/P50/P90 of month-one savings (absent in older files). */
    public record Model(
            String model,
            String provider,
            Tokens monthlyTokensMtok,
            double directMonthly,
            double relayMonthly,
            double savingsMonthly,
            double savingsPct,
            String advice,
            Map<String, String> pricingRules,
            List<Breakdown> breakdown,
            PriceSource priceSource,
            Band savingsMonthlyBand) {
        public Model {
            pricingRules =
                    pricingRules == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(pricingRules));
            breakdown = breakdown == null ? List.of() : List.copyOf(breakdown);
        }
    }

    public record Tokens(double input, double cachedInput, double cacheWrite, double output, double total) {}

    public record Breakdown(
            String kind,
            double mtok,
            double directPerMtok,
            double directCost,
            double relayPerMtok,
            double relayCost,
            String relayRule) {}

    public record PriceSource(String url, String asOf) {}

    /** Totals route every model through the relay; advised_savings_monthly (optional) follows the advice. */
    public record Totals(
            double directMonthly,
            double relayMonthly,
            double savingsMonthly,
            double savingsPct,
            double directYearly,
            double relayYearly,
            double savingsYearly,
            int horizonMonths,
            double horizonSavings,
            Double advisedSavingsMonthly) {}

    public record Migration(double cost, double engineeringHours, double hourlyRate) {}

    public record BreakEven(Double volumeFactor, Double monthlyMtok) {}

    public record ProjectionMonth(
            int month, double direct, double relay, double savings, double cumulativeSavings, double netOfMigration) {}

    public record Uncertainty(int trials, long seed, Band horizonSavings, Band paybackMonths) {}

    /** P10/P50/P90; a null payback percentile means "never" within the horizon. */
    public record Band(Double p10, Double p50, Double p90) {}

    public record Sensitivity(
            String input, double low, double high, double horizonSavingsLow, double horizonSavingsHigh) {}
}
