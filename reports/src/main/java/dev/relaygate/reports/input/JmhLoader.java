package dev.relaygate.reports.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JMH's standard JSON result ({@code -rf json}) and the jmh module's gate verdict. */
public final class JmhLoader {

    private JmhLoader() {}

    public static Input<List<JmhBenchmark>> results(Path file) {
        if (!Files.isRegularFile(file)) {
            return Input.missing(file);
        }
        try {
            if (Files.size(file) == 0) {
                return new Input.Invalid<>(file, "the file is empty (JMH writes it only when its run completes)");
            }
            JsonNode root = Json.MAPPER.readTree(file.toFile());
            if (root == null || !root.isArray()) {
                return new Input.Invalid<>(file, "a JMH result must be a JSON array of benchmarks");
            }
            List<JmhBenchmark> benchmarks = new ArrayList<>();
            for (int i = 0; i < root.size(); i++) {
                benchmarks.add(benchmark(root.get(i), "[" + i + "]"));
            }
            return new Input.Present<>(file, List.copyOf(benchmarks));
        } catch (IOException e) {
            return new Input.Invalid<>(file, "not readable JSON: " + Json.reason(e));
        } catch (IllegalArgumentException e) {
            return new Input.Invalid<>(file, e.getMessage());
        }
    }

    public static Input<JmhGateResult> gate(Path file) {
        if (!Files.isRegularFile(file)) {
            return Input.missing(file);
        }
        try {
            JmhGateResult gate = Json.MAPPER.readValue(file.toFile(), JmhGateResult.class);
            if (gate.checks() == null) {
                return new Input.Invalid<>(file, "checks must be an array, but was missing");
            }
            return new Input.Present<>(file, gate);
        } catch (IOException e) {
            return new Input.Invalid<>(file, "not a JMH gate verdict: " + Json.reason(e));
        }
    }

    /** The file's SHA-256 in lower-case hex, or null when it cannot be read. */
    public static String sha256(Path file) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            return null;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static JmhBenchmark benchmark(JsonNode node, String where) {
        String name = text(node, "benchmark", where);
        Map<String, String> params = new LinkedHashMap<>();
        node.path("params")
                .properties()
                .forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        Map<String, JmhBenchmark.Metric> secondary = new LinkedHashMap<>();
        node.path("secondaryMetrics")
                .properties()
                .forEach(e ->
                        secondary.put(e.getKey(), metric(e.getValue(), where + ".secondaryMetrics." + e.getKey())));
        return new JmhBenchmark(
                name,
                node.path("mode").asText(""),
                params,
                metric(node.path("primaryMetric"), where + ".primaryMetric"),
                secondary);
    }

    private static JmhBenchmark.Metric metric(JsonNode node, String where) {
        if (!node.isObject() || !node.path("score").isNumber()) {
            throw new IllegalArgumentException(where + ".score must be a number, but was " + node.path("score"));
        }
        // JMH writes "NaN" (a string) as scoreError when a run has a single iteration
        double error = node.path("scoreError").asDouble(Double.NaN);
        return new JmhBenchmark.Metric(
                node.path("score").asDouble(), error, node.path("scoreUnit").asText(""));
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(where + "." + field + " must be a non-empty string, but was " + value);
        }
        return value.asText();
    }
}
