package dev.relaygate.roi.usage;

import dev.relaygate.roi.RoiInputException;
import dev.relaygate.roi.pricing.CatalogEntry;
import dev.relaygate.roi.pricing.KindPrices;
import dev.relaygate.roi.pricing.PriceCatalog;
import dev.relaygate.roi.pricing.RelayPricing;
import dev.relaygate.roi.pricing.RelayRule;
import dev.relaygate.roi.pricing.TokenKind;
import dev.relaygate.roi.usage.UsageFile.ModelUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves one model's volumes and prices. Direct price per kind: direct_prices override, else the catalog;
 * a catalog without a separate cache rate bills that kind at its input price. Relay price per kind:
 * relay_prices override, else the relay pricing model.
 */
final class ModelResolver {
    private ModelResolver() {}

    static Scenario.ModelLine resolve(
            ModelUsage usage,
            String where,
            Optional<CatalogEntry> entry,
            PriceCatalog catalog,
            RelayPricing relay,
            double fx) {
        KindPrices directOverride = KindPrices.of(usage.directPrices());
        KindPrices relayOverride = KindPrices.of(usage.relayPrices());
        directOverride.requireNonNegative(where + ".direct_prices");
        relayOverride.requireNonNegative(where + ".relay_prices");
        double[] volumes = {
            volume(where, TokenKind.INPUT, usage.monthlyInputMtok(), true),
            volume(where, TokenKind.CACHED_INPUT, usage.monthlyCachedInputMtok(), false),
            volume(where, TokenKind.CACHE_WRITE, usage.monthlyCacheWriteMtok(), false),
            volume(where, TokenKind.OUTPUT, usage.monthlyOutputMtok(), true)
        };
        if (entry.isEmpty() && !coversUsedKinds(directOverride, volumes)) {
            String gap = usage.directPrices() == null
                    ? "has no " + where + ".direct_prices"
                    : "and " + where + ".direct_prices does not price every used token kind";
            throw new RoiInputException(where + ".model '" + usage.model() + "' is not in the price catalog " + gap
                    + "; known models: " + String.join(", ", catalog.knownModels()));
        }
        RelayRule fallback = relay.defaultRule();
        List<Scenario.PricedKind> kinds = new ArrayList<>();
        for (TokenKind kind : TokenKind.values()) {
            double mtok = volumes[kind.ordinal()];
            Optional<Double> override = directOverride.get(kind);
            double direct;
            String directRule;
            if (override.isPresent()) {
                direct = override.get();
                directRule = "direct_prices." + kind.priceField();
            } else if (entry.isPresent()) {
                CatalogEntry e = entry.get();
                Optional<Double> listed = e.prices().get(kind);
                direct = listed.orElseGet(() -> e.prices().get(TokenKind.INPUT).orElseThrow());
                directRule = listed.isPresent()
                        ? "catalog " + e.model() + " " + kind.priceField()
                        : "catalog " + e.model() + " input_per_mtok (no separate " + kind.jsonName() + " rate)";
            } else {
                direct = 0.0; // unknown model and this kind unused (volume 0): nothing to price
                directRule = "unused (no price, volume 0)";
            }
            RelayRule relayRule = relayOverride
                    .get(kind)
                    .map(p -> RelayPricing.override(kind, p))
                    .orElse(fallback);
            kinds.add(new Scenario.PricedKind(kind, mtok, direct, directRule, relayRule));
        }
        String provider = entry.map(CatalogEntry::provider).orElse("custom");
        String url = entry.map(CatalogEntry::sourceUrl).orElse("usage file direct_prices");
        String asOf = entry.map(CatalogEntry::asOf).orElse(null);
        if (directOverride.get(TokenKind.INPUT).isPresent()
                && directOverride.get(TokenKind.OUTPUT).isPresent()) {
            url = "usage file direct_prices";
            asOf = null;
        }
        return new Scenario.ModelLine(usage.model(), provider, url, asOf, kinds);
    }

    private static boolean coversUsedKinds(KindPrices prices, double[] volumes) {
        for (TokenKind kind : TokenKind.values()) {
            if (volumes[kind.ordinal()] > 0 && prices.get(kind).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static double volume(String where, TokenKind kind, Double value, boolean required) {
        if (value == null) {
            if (required) {
                throw new RoiInputException(where + "." + kind.volumeField() + " is required, but was missing");
            }
            return 0.0;
        }
        return UsageValidator.nonNegative(where + "." + kind.volumeField(), value);
    }
}
