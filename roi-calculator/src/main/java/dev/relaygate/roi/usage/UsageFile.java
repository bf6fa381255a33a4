package dev.relaygate.roi.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The usage file exactly as written by the user (YAML or JSON). Field names are fixed; unknown fields are
 * rejected by the loader so a typo never silently becomes zero. Optional sections are null here; the
 * {@link UsageValidator} applies defaults and range checks.
 */
public record UsageFile(
        @JsonProperty("version") Integer version,
        @JsonProperty("currency") String currency,
        @JsonProperty("fx") Fx fx,
        @JsonProperty("projection") Projection projection,
        @JsonProperty("migration") Migration migration,
        @JsonProperty("relay") Relay relay,
        @JsonProperty("models") List<ModelUsage> models,
        @JsonProperty("uncertainty") Uncertainty uncertainty) {

    /** Exchange rate used by the fx_credit relay pricing model. */
    public record Fx(@JsonProperty("CNY_per_USD") Double cnyPerUsd) {}

    /** Horizon in whole months and compound monthly growth of all volumes. */
    public record Projection(
            @JsonProperty("months") Integer months,
            @JsonProperty("monthly_growth_rate") Double monthlyGrowthRate) {}

    /** One-off migration cost = engineering_hours x hourly_rate. */
    public record Migration(
            @JsonProperty("engineering_hours") Double engineeringHours,
            @JsonProperty("hourly_rate") Double hourlyRate) {}

    /** Relay pricing model: flat | multiplier | fx_credit, with the one parameter that model needs. */
    public record Relay(
            @JsonProperty("pricing") String pricing,
            @JsonProperty("flat_per_mtok") Double flatPerMtok,
            @JsonProperty("multiplier") Double multiplier,
            @JsonProperty("cny_per_usd_of_credit") Double cnyPerUsdOfCredit) {}

    /** Monthly volumes of one model, in millions of tokens, plus optional price overrides. */
    public record ModelUsage(
            @JsonProperty("model") String model,
            @JsonProperty("monthly_input_mtok") Double monthlyInputMtok,
            @JsonProperty("monthly_cached_input_mtok") Double monthlyCachedInputMtok,
            @JsonProperty("monthly_cache_write_mtok") Double monthlyCacheWriteMtok,
            @JsonProperty("monthly_output_mtok") Double monthlyOutputMtok,
            @JsonProperty("direct_prices") PriceOverride directPrices,
            @JsonProperty("relay_prices") PriceOverride relayPrices) {}

    /** Prices per million tokens; any kind may be absent (it then falls back to the catalog or relay model). */
    public record PriceOverride(
            @JsonProperty("input_per_mtok") Double inputPerMtok,
            @JsonProperty("cached_input_per_mtok") Double cachedInputPerMtok,
            @JsonProperty("cache_write_per_mtok") Double cacheWritePerMtok,
            @JsonProperty("output_per_mtok") Double outputPerMtok) {}

    /** Monte Carlo settings: coefficients of variation of the log-normal factors, trial count and seed. */
    public record Uncertainty(
            @JsonProperty("volume_cv") Double volumeCv,
            @JsonProperty("price_cv") Double priceCv,
            @JsonProperty("fx_cv") Double fxCv,
            @JsonProperty("trials") Long trials,
            @JsonProperty("seed") Long seed) {}
}
