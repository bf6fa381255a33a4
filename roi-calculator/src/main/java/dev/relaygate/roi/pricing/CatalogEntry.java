package dev.relaygate.roi.pricing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One model's published list prices (USD per million tokens) with where and when they were published. */
public record CatalogEntry(
        @JsonProperty("model") String model,
        @JsonProperty("provider") String provider,
        @JsonProperty("aliases") List<String> aliases,
        @JsonProperty("input_per_mtok") Double inputPerMtok,
        @JsonProperty("cached_input_per_mtok") Double cachedInputPerMtok,
        @JsonProperty("cache_write_per_mtok") Double cacheWritePerMtok,
        @JsonProperty("output_per_mtok") Double outputPerMtok,
        @JsonProperty("source_url") String sourceUrl,
        @JsonProperty("as_of") String asOf,
        @JsonProperty("notes") String notes) {

    public CatalogEntry {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public KindPrices prices() {
        return KindPrices.of(inputPerMtok, cachedInputPerMtok, cacheWritePerMtok, outputPerMtok);
    }

    /** The catalog file: a list of entries plus a free-text note about provenance. */
    public record CatalogFile(
            @JsonProperty("schema_version") Integer schemaVersion,
            @JsonProperty("currency") String currency,
            @JsonProperty("note") String note,
            @JsonProperty("models") List<CatalogEntry> models) {}
}
