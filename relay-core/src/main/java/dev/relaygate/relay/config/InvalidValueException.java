package dev.relaygate.relay.config;

/**
 * A config value broke its rule. Carries the field's dotted config path (e.g. {@code traffic_shift.increment})
 * as a value, so callers that report the field (the admin API's {@code param}) never have to parse it back
 * out of the message. Extends {@link IllegalArgumentException} so record constructors keep their contract.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the dotted config path of the bad value
     * @param message names the field, the rule and the bad value
     */
    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The dotted config path of the bad value, as the message names it. */
    public String field() {
        return field;
    }
}
