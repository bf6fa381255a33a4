package dev.relaygate.roi.pricing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * The validated relay pricing model, as echoed in the JSON output. {@code effective_ratio} is the share of the
 * direct price paid through the relay (multiplier, or credit CNY / CNY_per_USD); null for flat.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelayPricing(
        @JsonProperty("pricing") String pricing,
        @JsonProperty("flat_per_mtok") Double flatPerMtok,
        @JsonProperty("multiplier") Double multiplier,
        @JsonProperty("cny_per_usd_of_credit") Double cnyPerUsdOfCredit,
        @JsonProperty("fx_cny_per_usd") Double fxCnyPerUsd,
        @JsonProperty("effective_ratio") Double effectiveRatio) {

    public static final String FLAT = "flat";
    public static final String MULTIPLIER = "multiplier";
    public static final String FX_CREDIT = "fx_credit";

    public static RelayPricing flat(double perMtok) {
        return new RelayPricing(FLAT, perMtok, null, null, null, null);
    }

    public static RelayPricing multiplier(double factor) {
        return new RelayPricing(MULTIPLIER, null, factor, null, null, factor);
    }

    public static RelayPricing fxCredit(double cnyPerUsdOfCredit, double fxCnyPerUsd) {
        return new RelayPricing(FX_CREDIT, null, null, cnyPerUsdOfCredit, fxCnyPerUsd, cnyPerUsdOfCredit / fxCnyPerUsd);
    }

    /** The rule this pricing model applies to a kind that has no per-model relay_prices override. */
    public RelayRule defaultRule() {
        return switch (pricing) {
            case FLAT -> new RelayRule(RelayRule.Type.FIXED, flatPerMtok, "flat " + fmt(flatPerMtok) + " USD per Mtok");
            case MULTIPLIER ->
                new RelayRule(RelayRule.Type.MULTIPLIER, multiplier, "multiplier " + fmt(multiplier) + " x direct");
            case FX_CREDIT ->
                new RelayRule(
                        RelayRule.Type.FX_CREDIT,
                        cnyPerUsdOfCredit,
                        "fx_credit " + fmt(cnyPerUsdOfCredit) + " CNY per USD of credit / " + fmt(fxCnyPerUsd)
                                + " CNY_per_USD = " + String.format(Locale.ROOT, "%.6f", effectiveRatio) + " x direct");
            default -> throw new IllegalStateException("unvalidated relay pricing " + pricing);
        };
    }

    /** The rule for a per-model relay_prices override of one kind. */
    public static RelayRule override(TokenKind kind, double perMtok) {
        return new RelayRule(
                RelayRule.Type.FIXED,
                perMtok,
                "relay_prices." + kind.priceField() + " " + fmt(perMtok) + " USD per Mtok");
    }

    static String fmt(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
