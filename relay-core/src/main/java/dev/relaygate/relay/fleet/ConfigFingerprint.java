package dev.relaygate.relay.fleet;

import dev.relaygate.relay.config.ConfigLoader;
import dev.relaygate.relay.config.RelayConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What members of one fleet must agree on, as a SHA-256 per field: the upstream roles and base URLs and the
 * rollout defaults. Keys are never part of it (members may hold different keys to the same upstream), and
 * only digests are shared, so nothing in the cluster reveals a URL's credentials either.
 */
final class ConfigFingerprint {

    private ConfigFingerprint() {}

    static Map<String, String> of(RelayConfig config) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("environments.blue.name", digest(config.environments().blue().name()));
        fields.put(
                "environments.blue.base_url",
                digest(config.environments().blue().baseUrl()));
        fields.put(
                "environments.green.name", digest(config.environments().green().name()));
        fields.put(
                "environments.green.base_url",
                digest(config.environments().green().baseUrl()));
        fields.put(
                "traffic_shift",
                digest(ConfigLoader.jsonMapper()
                        .valueToTree(config.trafficShift())
                        .toString()));
        return fields;
    }

    /** The fields whose digests differ (or are missing on one side), in this member's order. */
    static List<String> differences(Map<String, String> mine, Map<String, String> fleet) {
        return mine.keySet().stream()
                .filter(f -> !Objects.equals(mine.get(f), fleet.get(f)))
                .toList();
    }

    private static String digest(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
