package dev.relaygate.relay.log;

import dev.relaygate.relay.config.ModelPrice;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Request cost from per-model prices. OpenAI-style usage counts cached prompt tokens inside
 * {@code prompt_tokens}, so uncached input is {@code prompt - cached}.
 */
public final class CostCalculator {

    private static final double PER_MTOK = 1_000_000.0;

    private final Map<String, ModelPrice> prices;

    public CostCalculator(Map<String, ModelPrice> prices) {
        Objects.requireNonNull(prices, "prices");
        prices.forEach((model, price) -> {
            if (model == null || model.isBlank()) {
                throw new IllegalArgumentException("prices model name must be non-blank, but was '" + model + "'");
            }
            Objects.requireNonNull(price, "prices." + model);
        });
        this.prices = Map.copyOf(prices);
    }

    /** Cost in USD, or empty when the model has no price (the log then omits {@code cost_usd}). */
    public OptionalDouble costUsd(String model, long promptTokens, long cachedTokens, long completionTokens) {
        ModelPrice p = model == null ? null : prices.get(model);
        if (p == null) {
            return OptionalDouble.empty();
        }
        long cached = Math.min(Math.max(0, cachedTokens), Math.max(0, promptTokens));
        long uncached = Math.max(0, promptTokens) - cached;
        return OptionalDouble.of((uncached * p.inputPerMtok()
                        + cached * p.cachedInputPerMtok()
                        + Math.max(0, completionTokens) * p.outputPerMtok())
                / PER_MTOK);
    }

    public Map<String, ModelPrice> prices() {
        return prices;
    }
}
