package dev.relaygate.relay.config;

/** A value out of its allowed range; {@link #field()} names it (a dotted config path). */
public final class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
