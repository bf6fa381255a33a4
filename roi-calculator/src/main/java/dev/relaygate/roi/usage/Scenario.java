package dev.relaygate.roi.usage;

import dev.relaygate.roi.pricing.RelayPricing;
import dev.relaygate.roi.pricing.RelayRule;
import dev.relaygate.roi.pricing.TokenKind;
import java.util.List;

/**
 * A validated usage file with every price resolved: what the calculators consume. Immutable.
 *
 * @param fxCnyPerUsd CNY per USD, or NaN when the file gives no FX (then no rule reads it)
 */
public record Scenario(
        String usageFile,
        String currency,
        double fxCnyPerUsd,
        int months,
        double monthlyGrowthRate,
        double engineeringHours,
        double hourlyRate,
        RelayPricing relayPricing,
        List<ModelLine> models,
        Uncertainty uncertainty) {

    public Scenario {
        models = List.copyOf(models);
    }

    /** One-off migration cost in currency units. */
    public double migrationCost() {
        return engineeringHours * hourlyRate;
    }

    public boolean hasFx() {
        return !Double.isNaN(fxCnyPerUsd);
    }

    /** One model: its four priced kinds in {@link TokenKind} order, and where its direct prices came from. */
    public record ModelLine(String model, String provider, String sourceUrl, String asOf, List<PricedKind> kinds) {
        public ModelLine {
            kinds = List.copyOf(kinds);
        }
    }

    /** One token kind of one model: monthly volume, direct price and the relay rule, each with its origin. */
    public record PricedKind(
            TokenKind kind, double mtok, double directPerMtok, String directRule, RelayRule relayRule) {}

    /** Monte Carlo settings after defaults. */
    public record Uncertainty(double volumeCv, double priceCv, double fxCv, int trials, long seed) {}
}
