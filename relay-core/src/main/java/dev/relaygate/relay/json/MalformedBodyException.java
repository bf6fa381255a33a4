package dev.relaygate.relay.json;

/** The request body the relay must read is not the JSON it needs; answered with 400. */
public final class MalformedBodyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String param;

    public MalformedBodyException(String message, String param) {
        super(message, null, false, false);
        this.param = param;
    }

    /** The offending field, for the OpenAI error's {@code param}, or null. */
    public String param() {
        return param;
    }
}
