package dev.relaygate.relay.config;

/**
 * One thing wrong with a config: the field it is about and the message naming the field, the rule and the
 * bad value. The field travels as a value so callers need not parse it out of the message.
 *
 * @param field   the dotted config path (e.g. {@code routing.weights}, {@code client_keys[0]}); null when the
 *                problem names no single field
 * @param message the problem as reported to the operator
 */
public record ConfigProblem(String field, String message) {

    /** The message: a problem reads as what the operator sees. */
    @Override
    public String toString() {
        return message;
    }
}
