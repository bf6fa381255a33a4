package dev.relaygate.relay.config;

/**
 * Range checks whose messages name the field, the rule and the bad value, e.g.
 * "validation_threshold.error_rate must be in (0,1), but was 1.5". Shared with the rollout settings. They throw
 * {@link InvalidValueException} so the field reaches callers as a value, not as the message's first word.
 */
public final class Validate {

    private Validate() {}

    public static void openUnit(String field, double value) {
        if (!(value > 0.0 && value < 1.0)) {
            throw new InvalidValueException(field, field + " must be in (0,1), but was " + value);
        }
    }

    public static void closedUnit(String field, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new InvalidValueException(field, field + " must be in [0,1], but was " + value);
        }
    }

    public static void positive(String field, long value) {
        if (value <= 0) {
            throw new InvalidValueException(field, field + " must be > 0, but was " + value);
        }
    }

    public static void atLeast(String field, long value, long min) {
        if (value < min) {
            throw new InvalidValueException(field, field + " must be >= " + min + ", but was " + value);
        }
    }

    public static void inRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, field + " must be in [" + min + "," + max + "], but was " + value);
        }
    }
}
