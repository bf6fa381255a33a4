package dev.relaygate.roi.pricing;

import dev.relaygate.roi.RoiInputException;
import dev.relaygate.roi.usage.UsageFile.PriceOverride;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Prices per million tokens by kind; a kind may be absent (partial overrides). Immutable. */
public final class KindPrices {
    private final Map<TokenKind, Double> prices;

    private KindPrices(Map<TokenKind, Double> prices) {
        this.prices = prices;
    }

    public static KindPrices of(Double input, Double cachedInput, Double cacheWrite, Double output) {
        EnumMap<TokenKind, Double> map = new EnumMap<>(TokenKind.class);
        put(map, TokenKind.INPUT, input);
        put(map, TokenKind.CACHED_INPUT, cachedInput);
        put(map, TokenKind.CACHE_WRITE, cacheWrite);
        put(map, TokenKind.OUTPUT, output);
        return new KindPrices(map);
    }

    public static KindPrices of(PriceOverride override) {
        if (override == null) {
            return of(null, null, null, null);
        }
        return of(
                override.inputPerMtok(),
                override.cachedInputPerMtok(),
                override.cacheWritePerMtok(),
                override.outputPerMtok());
    }

    private static void put(Map<TokenKind, Double> map, TokenKind kind, Double value) {
        if (value != null) {
            map.put(kind, value);
        }
    }

    public Optional<Double> get(TokenKind kind) {
        return Optional.ofNullable(prices.get(kind));
    }

    /** Checks every present price is a finite number >= 0, naming {@code prefix.<kind>_per_mtok} otherwise. */
    public void requireNonNegative(String prefix) {
        prices.forEach((kind, value) -> {
            if (!Double.isFinite(value) || value < 0) {
                throw new RoiInputException(
                        prefix + "." + kind.priceField() + " must be a finite number >= 0, but was " + value);
            }
        });
    }
}
