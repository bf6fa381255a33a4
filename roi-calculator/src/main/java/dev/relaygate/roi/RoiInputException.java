package dev.relaygate.roi;

/** Bad input (usage file, price file, CLI option): the message names the field, the rule and the bad value. */
public final class RoiInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RoiInputException(String message) {
        super(message);
    }

    public RoiInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
