package dev.relaygate.relay.exchange;

/** The two upstream environments of a blue-green relay. Wire names are lowercase. */
public enum Environment {
    BLUE("blue"),
    GREEN("green");

    private static final Environment[] VALUES = values();

    private final String wireName;

    Environment(String wireName) {
        this.wireName = wireName;
    }

    /** The lowercase name used in headers, JSON, config and metrics labels. */
    public String wireName() {
        return wireName;
    }

    /** The other environment. */
    public Environment other() {
        return this == BLUE ? GREEN : BLUE;
    }

    /** All environments, without the defensive copy {@link #values()} makes. Do not modify. */
    public static Environment[] all() {
        return VALUES;
    }

    /**
     * Parses a wire name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the rule and the bad value
     */
    public static Environment fromWire(String value) {
        if (value != null) {
            for (Environment e : VALUES) {
                if (e.wireName.equalsIgnoreCase(value.trim())) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("environment must be one of [blue, green], but was " + value);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
