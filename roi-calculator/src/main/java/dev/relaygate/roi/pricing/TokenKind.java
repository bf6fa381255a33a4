package dev.relaygate.roi.pricing;

/** The four billed token kinds; each is priced at its own rate and counted once. */
public enum TokenKind {
    INPUT("input", "monthly_input_mtok", "input_per_mtok"),
    CACHED_INPUT("cached_input", "monthly_cached_input_mtok", "cached_input_per_mtok"),
    CACHE_WRITE("cache_write", "monthly_cache_write_mtok", "cache_write_per_mtok"),
    OUTPUT("output", "monthly_output_mtok", "output_per_mtok");

    private final String jsonName;
    private final String volumeField;
    private final String priceField;

    TokenKind(String jsonName, String volumeField, String priceField) {
        this.jsonName = jsonName;
        this.volumeField = volumeField;
        this.priceField = priceField;
    }

    /** Name used in the JSON output ("input", "cached_input", ...). */
    public String jsonName() {
        return jsonName;
    }

    /** Usage-file field holding this kind's monthly volume. */
    public String volumeField() {
        return volumeField;
    }

    /** Price field name for this kind ("input_per_mtok", ...). */
    public String priceField() {
        return priceField;
    }
}
