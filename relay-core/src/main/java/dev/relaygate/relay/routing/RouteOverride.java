package dev.relaygate.relay.routing;

/** The per-request {@code X-Route-Policy} header: force an environment or use the policy. */
public enum RouteOverride {
    /** No header: follow the policy. */
    NONE,
    /** {@code auto}: follow the policy (explicitly). */
    AUTO,
    /** {@code blue}: force blue. */
    BLUE,
    /** {@code green}: force green. */
    GREEN;

    /** Whether the request names its environment instead of following the policy. */
    public boolean forced() {
        return this == BLUE || this == GREEN;
    }

    /**
     * Parses a header value without allocating: {@code null} or empty is {@link #NONE}; an
     * unknown value returns {@code null} so the caller can answer 400.
     */
    public static RouteOverride parse(CharSequence value) {
        if (value == null || value.length() == 0) {
            return NONE;
        }
        if (equalsAsciiIgnoreCase(value, "auto")) {
            return AUTO;
        }
        if (equalsAsciiIgnoreCase(value, "blue")) {
            return BLUE;
        }
        if (equalsAsciiIgnoreCase(value, "green")) {
            return GREEN;
        }
        return null;
    }

    static boolean equalsAsciiIgnoreCase(CharSequence value, String lower) {
        if (value.length() != lower.length()) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
