package dev.relaygate.relay.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One model's prices in USD per million tokens, with the roi-calculator's field names.
 * {@code cached_input_per_mtok} defaults to {@code input_per_mtok} when absent.
 */
public record ModelPrice(
        @JsonProperty("input_per_mtok") double inputPerMtok,
        @JsonProperty("cached_input_per_mtok") double cachedInputPerMtok,
        @JsonProperty("output_per_mtok") double outputPerMtok) {

    public ModelPrice {
        check("input_per_mtok", inputPerMtok);
        check("cached_input_per_mtok", cachedInputPerMtok);
        check("output_per_mtok", outputPerMtok);
    }

    @JsonCreator
    public static ModelPrice of(
            @JsonProperty("input_per_mtok") Double inputPerMtok,
            @JsonProperty("cached_input_per_mtok") Double cachedInputPerMtok,
            @JsonProperty("output_per_mtok") Double outputPerMtok) {
        if (inputPerMtok == null) {
            throw new InvalidValueException("input_per_mtok", "input_per_mtok is required, but was missing");
        }
        if (outputPerMtok == null) {
            throw new InvalidValueException("output_per_mtok", "output_per_mtok is required, but was missing");
        }
        return new ModelPrice(
                inputPerMtok, cachedInputPerMtok == null ? inputPerMtok : cachedInputPerMtok, outputPerMtok);
    }

    private static void check(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidValueException(field, field + " must be a finite number >= 0, but was " + value);
        }
    }
}
