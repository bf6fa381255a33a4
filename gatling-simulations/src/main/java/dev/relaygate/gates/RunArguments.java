package dev.relaygate.gates;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code name=value} arguments of the gate runner's build steps. Maven passes an unset property as an
 * empty value, which a positional argument list would silently drop.
 */
final class RunArguments {

    private final Map<String, String> values = new HashMap<>();

    RunArguments(String[] args) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("arguments must be name=value, but one was '" + arg + "'");
            }
            values.put(arg.substring(0, eq), arg.substring(eq + 1).trim());
        }
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null || v.isEmpty() || v.startsWith("${")) {
            throw new IllegalArgumentException(
                    name + " must be given, but was " + (v == null ? "missing" : "'" + v + "'"));
        }
        return v;
    }

    /** Empty when missing, blank or an unresolved Maven expression. */
    String optional(String name) {
        String v = values.getOrDefault(name, "");
        return v.startsWith("${") ? "" : v;
    }

    Path dir(String name) {
        return Path.of(required(name));
    }
}
