package dev.relaygate.relay.config;

import java.util.List;

/** The config could not be loaded; each problem names the field, the rule and the bad value. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public ConfigException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : "invalid config:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /** The field the first problem names, or null. */
    public String field() {
        return null;
    }

    public ConfigException withFieldPrefix(String prefix) {
        return this;
    }

    public List<String> problems() {
        return problems;
    }
}
