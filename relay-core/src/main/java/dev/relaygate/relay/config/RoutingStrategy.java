package dev.relaygate.relay.config;

/** How new requests are spread over the environments. */
public enum RoutingStrategy {
    /** Each request goes to green with probability {@code greenWeight / 100}. */
    WEIGHTED("weighted"),
    /** Every request is served by blue; a sampled copy is mirrored to green and its answer discarded. */
    SHADOW("shadow");

    private final String wireName;

    RoutingStrategy(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the rule and the bad value
     */
    public static RoutingStrategy fromWire(String value) {
        if (value != null) {
            for (RoutingStrategy s : values()) {
                if (s.wireName.equalsIgnoreCase(value.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("strategy must be one of [weighted, shadow], but was " + value);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
