package dev.relaygate.relay.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in string values of a parsed YAML tree.
 * Substituting after parsing (not in the raw text) means a value can never change the YAML's
 * structure. An unset variable without a default is an error naming the field and the variable.
 */
final class EnvSubstitution {

    private static final Pattern REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Function<String, String> env;
    private final List<ConfigProblem> problems = new ArrayList<>();

    EnvSubstitution(Function<String, String> env) {
        this.env = env;
    }

    /** Substitutes in place; returns the problems found (empty when all references resolved). */
    List<ConfigProblem> apply(JsonNode root) {
        walk(root, "");
        return problems;
    }

    private void walk(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.properties());
            for (Map.Entry<String, JsonNode> e : entries) {
                String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (e.getValue().isTextual()) {
                    object.set(e.getKey(), substitute(e.getValue().textValue(), childPath));
                } else {
                    walk(e.getValue(), childPath);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                String childPath = path + "[" + i + "]";
                if (array.get(i).isTextual()) {
                    array.set(i, substitute(array.get(i).textValue(), childPath));
                } else {
                    walk(array.get(i), childPath);
                }
            }
        }
    }

    private JsonNode substitute(String text, String path) {
        if (text.indexOf("${") < 0) {
            return TextNode.valueOf(text);
        }
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.apply(m.group(1));
            if (value == null) {
                value = m.group(2);
            }
            if (value == null) {
                problems.add(new ConfigProblem(
                        path, path + " references ${" + m.group(1) + "}, which must be set, but was unset"));
                value = "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return TextNode.valueOf(out.toString());
    }
}
