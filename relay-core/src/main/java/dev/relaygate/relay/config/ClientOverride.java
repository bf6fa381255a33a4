package dev.relaygate.relay.config;

/** {@code routing.client_override}: whether a client's {@code X-Route-Policy: blue|green} is honoured. */
public enum ClientOverride {
    /** Honoured as a preference, within the safety rules (never to a rolled-back, blocked or unhealthy green). */
    ALLOW("allow"),
    /** Ignored: every request follows the policy; the answer says the header was ignored. */
    DENY("deny");

    private final String wireName;

    ClientOverride(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name, case-insensitively; null is {@link #ALLOW}.
     *
     * @throws IllegalArgumentException naming the rule and the bad value
     */
    public static ClientOverride fromWire(String value) {
        if (value == null) {
            return ALLOW;
        }
        for (ClientOverride o : values()) {
            if (o.wireName.equalsIgnoreCase(value.trim())) {
                return o;
            }
        }
        throw new IllegalArgumentException("client_override must be one of [allow, deny], but was " + value);
    }
}
