package dev.relaygate.relay.health;

/**
 * Why a change that would send traffic to green is blocked. {@code param} names the config field to fix when
 * one is at fault (the OpenAI error shape's {@code param}), so a client tells a rejected key from an unhealthy
 * green without reading the message.
 */
public record ShiftVeto(String message, String param) {

    /** The field a rejected green key is fixed in. */
    public static final String GREEN_KEY_FIELD = "environments.green.api_key";

    static ShiftVeto keyRejected(String message) {
        return new ShiftVeto(message, GREEN_KEY_FIELD);
    }

    static ShiftVeto unhealthy(String message) {
        return new ShiftVeto(message, null);
    }

    /** The probe itself failed: nothing is known about green, so nothing names a field. */
    public static ShiftVeto unchecked(String why) {
        return new ShiftVeto("green could not be checked: " + why, null);
    }
}
