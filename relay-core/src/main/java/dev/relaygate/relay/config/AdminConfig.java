package dev.relaygate.relay.config;

/** {@code admin}: the bearer token for control paths; without one the admin API answers 403. */
public record AdminConfig(Secret token) {

    public static AdminConfig none() {
        return new AdminConfig(null);
    }

    public boolean enabled() {
        return token != null && !token.isBlank();
    }
}
