package dev.relaygate.jmh.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JMH's JSON result ({@code -rf json}): an array with one object per benchmark and parameter set. */
public final class JmhResultReader {

    private final ObjectMapper mapper;

    public JmhResultReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @throws IOException when the file cannot be read or is not JMH's result shape; the message names
     *                     the entry and field
     */
    public List<BenchmarkScore> read(Path file) throws IOException {
        JsonNode root = mapper.readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IOException(file + " must hold a JSON array of JMH results, but was "
                    + (root == null ? "empty" : root.getNodeType()));
        }
        List<BenchmarkScore> scores = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            scores.add(score(root.get(i), "[" + i + "]"));
        }
        return scores;
    }

    private static BenchmarkScore score(JsonNode node, String where) throws IOException {
        JsonNode name = node.path("benchmark");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw new IOException(where + ".benchmark must be a non-empty string, but was " + name);
        }
        Map<String, String> params = new LinkedHashMap<>();
        node.path("params")
                .properties()
                .forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        JsonNode primary = node.path("primaryMetric");
        Map<String, Double> secondary = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.path("secondaryMetrics").properties()) {
            secondary.put(e.getKey(), number(e.getValue(), where + ".secondaryMetrics." + e.getKey()));
        }
        double score = number(primary, where + ".primaryMetric");
        // avgt: lower is better, so the 0th percentile is the fastest iteration
        JsonNode best = primary.path("scorePercentiles").path("0.0");
        return new BenchmarkScore(
                name.asText(),
                params,
                score,
                best.isNumber() ? best.asDouble() : score,
                primary.path("scoreUnit").asText(""),
                secondary);
    }

    private static double number(JsonNode metric, String where) throws IOException {
        JsonNode score = metric.path("score");
        if (!score.isNumber()) {
            throw new IOException(where + ".score must be a number, but was " + score);
        }
        return score.asDouble();
    }
}
