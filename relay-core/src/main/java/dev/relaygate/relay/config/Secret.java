package dev.relaygate.relay.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A key or token from the config. Its text is only reachable through {@link #reveal()}:
 * {@code toString()} and JSON serialization print {@value #REDACTED}, so a secret cannot leak
 * into logs, errors or status by accident.
 */
public final class Secret {

    public static final String REDACTED = "[redacted]";

    private final String value;
    private final byte[] bytes;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
        this.bytes = value.getBytes(StandardCharsets.UTF_8);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Secret of(String value) {
        return value == null ? null : new Secret(value);
    }

    /** The secret text, for the one place that must send it (an upstream Authorization header). */
    public String reveal() {
        return value;
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    public int length() {
        return value.length();
    }

    /**
     * Constant-time comparison ({@link MessageDigest#isEqual}): the time taken depends only on
     * the candidate's length, never on how many leading characters match.
     */
    public boolean matches(byte[] candidate) {
        return candidate != null && MessageDigest.isEqual(candidate, bytes);
    }

    public boolean matches(String candidate) {
        return candidate != null && matches(candidate.getBytes(StandardCharsets.UTF_8));
    }

    @JsonValue
    @Override
    public String toString() {
        return REDACTED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
