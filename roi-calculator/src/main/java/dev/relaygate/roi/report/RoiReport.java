package dev.relaygate.roi.report;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.relaygate.roi.pricing.RelayPricing;
import java.util.List;
import java.util.Map;

/**
 * The calculator's result: the {@code roi.json} contract read by the reports module (schema_version 1).
 * Money is in {@code currency} units, unrounded; volumes in millions of tokens per month; savings_pct in
 * percent of direct cost. {@code payback_months} is when cumulative savings cover the migration cost, the
 * projection continued past the horizon when needed ({@code payback} then says "beyond the N-month
 * horizon"); null when they do not within 600 months.
 * {@code run_id} names the build that produced it ({@code --run-id}), null for a run by hand.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RoiReport(
        int schemaVersion,
        String generatedAt,
        String currency,
        String usageFile,
        RelayPricing relayPricing,
        List<ModelResult> models,
        Totals totals,
        Migration migration,
        Double paybackMonths,
        String payback,
        BreakEven breakEven,
        List<ProjectionMonth> projection,
        Uncertainty uncertainty,
        List<SensitivityRow> sensitivity,
        String runId) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * This report as produced by the build run {@code runId} (null outside a build), so the report module
     * can tell this build's result from a stale one.
     */
    public RoiReport withRunId(String runId) {
        return new RoiReport(
                schemaVersion,
                generatedAt,
                currency,
                usageFile,
                relayPricing,
                models,
                totals,
                migration,
                paybackMonths,
                payback,
                breakEven,
                projection,
                uncertainty,
                sensitivity,
                runId);
    }

    /**
     * One model: costs at month-one volumes, the rule per token kind, the traceable breakdown, and the
     * Monte Carlo P10/P50/P90 of its month-one savings.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ModelResult(
            String model,
            String provider,
            Tokens monthlyTokensMtok,
            double directMonthly,
            double relayMonthly,
            double savingsMonthly,
            double savingsPct,
            String advice,
            Map<String, String> pricingRules,
            List<BreakdownRow> breakdown,
            PriceSource priceSource,
            Band savingsMonthlyBand) {

        public ModelResult withSavingsMonthlyBand(Band band) {
            return new ModelResult(
                    model,
                    provider,
                    monthlyTokensMtok,
                    directMonthly,
                    relayMonthly,
                    savingsMonthly,
                    savingsPct,
                    advice,
                    pricingRules,
                    breakdown,
                    priceSource,
                    band);
        }
    }

    /** Monthly volumes by kind; total = input + cached_input + cache_write + output (each counted once). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Tokens(double input, double cachedInput, double cacheWrite, double output, double total) {}

    /** mtok x direct_per_mtok = direct_cost; mtok x relay_per_mtok = relay_cost. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BreakdownRow(
            String kind,
            double mtok,
            double directPerMtok,
            double directCost,
            String directRule,
            double relayPerMtok,
            double relayCost,
            String relayRule) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PriceSource(String url, String asOf) {}

    /**
     * Sums over all models routed through the relay; yearly = the first 12 months with growth (12 x month one
     * when there is none); horizon figures include growth. advised_* route every model whose relay cost is higher direct instead.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Totals(
            double directMonthly,
            double relayMonthly,
            double savingsMonthly,
            double savingsPct,
            double directYearly,
            double relayYearly,
            double savingsYearly,
            int horizonMonths,
            double horizonDirect,
            double horizonRelay,
            double horizonSavings,
            double monthlyTokensMtok,
            double advisedSavingsMonthly) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Migration(double cost, double engineeringHours, double hourlyRate) {}

    /** Factor on all volumes at which horizon savings equal the migration cost (null: no factor does). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BreakEven(Double volumeFactor, Double monthlyMtok) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProjectionMonth(
            int month, double direct, double relay, double savings, double cumulativeSavings, double netOfMigration) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Uncertainty(
            int trials,
            long seed,
            double volumeCv,
            double priceCv,
            double fxCv,
            Band horizonSavings,
            Band paybackMonths) {}

    /** P10/P50/P90; a null payback percentile means "never" (not within 600 months). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Band(Double p10, Double p50, Double p90) {}

    /** One tornado bar: the input at its low and high value and horizon savings at each. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SensitivityRow(
            String input, double low, double high, double horizonSavingsLow, double horizonSavingsHigh) {

        @com.fasterxml.jackson.annotation.JsonIgnore
        public double swing() {
            return Math.abs(horizonSavingsHigh - horizonSavingsLow);
        }
    }
}
