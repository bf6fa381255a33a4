package dev.relaygate.gates.relays;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code -Drelay.headers=Name:Value,Name2:Value2}: headers an external relay needs on every request (a
 * gateway configured per request, a routing header). A comma starts a new header only when a header name
 * and a colon follow it, so a JSON value's commas (whose keys are quoted) stay in the value.
 *
 * <p>Values may name the harness's upstreams and weights, substituted when the gate starts:
 * {@code {blue_url}}, {@code {green_url}} (base URLs ending in {@code /v1}), {@code {blue_key}},
 * {@code {green_key}}, {@code {blue_weight}}, {@code {green_weight}} (0-100). With the URLs named the relay
 * forwards to the harness's mocks; with both weights named the harness can set its weights.
 */
public final class RelayHeaders {

    private static final Pattern SEPARATOR = Pattern.compile(",(?=\\s*[A-Za-z0-9-]+\\s*:)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");

    private RelayHeaders() {}

    /**
     * @throws IllegalArgumentException naming the entry that is not {@code Name:Value}
     */
    public static Map<String, String> parse(String spec) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return headers;
        }
        for (String entry : SEPARATOR.split(spec.trim())) {
            int colon = entry.indexOf(':');
            String name = colon < 0 ? "" : entry.substring(0, colon).trim();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("relay.headers must be Name:Value pairs separated by commas, but '"
                        + entry.trim() + "' has no header name before a colon");
            }
            headers.put(name, entry.substring(colon + 1).trim());
        }
        return headers;
    }

    /** Whether any value names the harness's upstream URLs. */
    static boolean namesUpstreams(Map<String, String> headers) {
        return headers.values().stream().anyMatch(v -> v.contains("{blue_url}") || v.contains("{green_url}"));
    }

    /** Whether the values name both weights, so the harness can set them. */
    static boolean namesWeights(Map<String, String> headers) {
        return headers.values().stream().anyMatch(v -> v.contains("{blue_weight}"))
                && headers.values().stream().anyMatch(v -> v.contains("{green_weight}"));
    }

    /** Every value with the placeholders replaced. */
    static Map<String, String> substitute(Map<String, String> headers, Upstreams upstreams, int blue, int green) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> out.put(
                name,
                value.replace("{blue_url}", upstreams.blueUrl())
                        .replace("{green_url}", upstreams.greenUrl())
                        .replace("{blue_key}", upstreams.blueKey())
                        .replace("{green_key}", upstreams.greenKey())
                        .replace("{blue_weight}", String.valueOf(blue))
                        .replace("{green_weight}", String.valueOf(green))));
        return Map.copyOf(out);
    }
}
