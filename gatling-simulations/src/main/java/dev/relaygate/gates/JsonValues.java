package dev.relaygate.gates;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/** Scalars into JSON the schema accepts: NaN and infinities are not JSON numbers, so they become null. */
final class JsonValues {

    private JsonValues() {}

    static ObjectNode object(Map<String, ?> values) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        // insertion order when the caller kept one; sorted otherwise, so files diff cleanly
        Map<String, ?> ordered =
                values instanceof java.util.LinkedHashMap || values instanceof TreeMap ? values : new TreeMap<>(values);
        ordered.forEach((key, value) -> put(node, key, value));
        return node;
    }

    private static void put(ObjectNode node, String key, Object value) {
        if (value == null) {
            node.putNull(key);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                node.put(key, d);
            } else {
                node.putNull(key);
            }
        } else if (value instanceof Number n) {
            node.put(key, n.longValue());
        } else if (value instanceof Boolean b) {
            node.put(key, b);
        } else {
            node.put(key, value.toString());
        }
    }
}
