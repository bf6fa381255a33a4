package dev.relaygate.relay.config;

import java.util.List;

/**
 * The config could not be loaded; each problem names the field, the rule and the bad value. The first
 * problem's field is also available as a value ({@link #field()}) so callers can report it without parsing
 * the message.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    private ConfigException(List<ConfigProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** One problem about {@code field} (the dotted config path, or null when it names no single field). */
    public ConfigException(String field, String message) {
        this(List.of(new ConfigProblem(field, message)));
    }

    /** One problem that names no single field (e.g. the file is unreadable or not YAML). */
    public ConfigException(String message) {
        this(null, message);
    }

    /**
     * All the problems one check found, in order.
     *
     * @throws IllegalArgumentException when {@code problems} is empty: an error with nothing wrong is a bug
     */
    public static ConfigException of(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty, but was");
        }
        return new ConfigException(problems);
    }

    private static String message(List<ConfigProblem> problems) {
        List<String> messages = problems.stream().map(ConfigProblem::message).toList();
        return messages.size() == 1 ? messages.get(0) : "invalid config:\n  - " + String.join("\n  - ", messages);
    }

    /** The problems' messages, in order. */
    public List<String> problems() {
        return problems.stream().map(ConfigProblem::message).toList();
    }

    /** The field of the first problem (the dotted config path), or null when it names no single field. */
    public String field() {
        return problems.get(0).field();
    }

    /**
     * This error as seen from an enclosing section: each problem's field gains {@code prefix} verbatim
     * (include the dot, e.g. {@code "traffic_shift."}), and so does its message when the message starts with
     * the field. A record bound on its own names its fields from itself ({@code validation_threshold.error_rate});
     * the caller that bound it knows where it sits. Problems without a field are kept as they are.
     */
    public ConfigException withFieldPrefix(String prefix) {
        return new ConfigException(problems.stream()
                .map(p -> p.field() == null
                        ? p
                        : new ConfigProblem(
                                prefix + p.field(),
                                p.message().startsWith(p.field()) ? prefix + p.message() : p.message()))
                .toList());
    }
}
