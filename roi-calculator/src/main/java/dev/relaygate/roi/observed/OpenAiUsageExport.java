package dev.relaygate.roi.observed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.roi.RoiInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a saved OpenAI organization usage export: the page (or a JSON array of pages) that
 * {@code GET /v1/organization/usage/completions?group_by=model} returns. Each bucket has {@code start_time}
 * and {@code end_time} (Unix seconds) and results per model with {@code input_tokens} (cached ones
 * included), {@code input_cached_tokens}, {@code output_tokens} and {@code num_model_requests}.
 */
public final class OpenAiUsageExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiUsageExport() {}

    public static ObservedUsage read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new RoiInputException(
                    "--from-openai-usage " + file + " is not a readable JSON file: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        List<JsonNode> pages = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(pages::add);
        } else if (root != null && root.isObject()) {
            pages.add(root);
        } else {
            throw new RoiInputException("--from-openai-usage " + file + " must hold a usage page or an array of pages");
        }
        Map<String, ObservedUsage.Volumes> models = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int p = 0; p < pages.size(); p++) {
            JsonNode page = pages.get(p);
            if (!page.path("data").isArray()) {
                throw new RoiInputException("--from-openai-usage " + file + ": page " + p + " has no data array");
            }
            if (page.path("has_more").asBoolean(false)) {
                warnings.add("page " + p + " says has_more: true, so the export is incomplete; save every page"
                        + " (follow next_page) for the whole window");
            }
            JsonNode buckets = page.get("data");
            for (int b = 0; b < buckets.size(); b++) {
                JsonNode bucket = buckets.get(b);
                String where = "page " + p + " bucket " + b;
                long start = seconds(bucket, "start_time", where);
                long end = seconds(bucket, "end_time", where);
                first = Math.min(first, start * 1000);
                last = Math.max(last, end * 1000);
                for (JsonNode result : bucket.path("results")) {
                    JsonNode model = result.get("model");
                    if (model == null || !model.isTextual()) {
                        throw new RoiInputException("--from-openai-usage " + file + ": " + where
                                + " has a result without a model; export the usage grouped by model (group_by=model)");
                    }
                    long input = tokens(result, "input_tokens", where);
                    long cached = tokens(result, "input_cached_tokens", where);
                    long output = tokens(result, "output_tokens", where);
                    long requests = tokens(result, "num_model_requests", where);
                    if (cached > input) {
                        throw new RoiInputException("--from-openai-usage " + file + ": " + where
                                + " has input_cached_tokens above input_tokens (which include them)");
                    }
                    models.merge(
                            model.asText(),
                            new ObservedUsage.Volumes(requests, 0, input - cached, cached, output),
                            ObservedUsage.Volumes::plus);
                }
            }
        }
        if (first == Long.MAX_VALUE) {
            throw new RoiInputException("--from-openai-usage " + file + " holds no usage bucket");
        }
        return new ObservedUsage(
                "the OpenAI usage export " + file + " (" + pages.size() + (pages.size() == 1 ? " page)" : " pages)"),
                Instant.ofEpochMilli(first),
                Instant.ofEpochMilli(last),
                models,
                0,
                0,
                List.of(),
                warnings);
    }

    private static long seconds(JsonNode bucket, String field, String where) {
        JsonNode value = bucket.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw new RoiInputException("--from-openai-usage: " + where + " has no " + field + " (Unix seconds)");
        }
        return value.asLong();
    }

    private static long tokens(JsonNode result, String field, String where) {
        JsonNode value = result.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || value.asLong() < 0) {
            throw new RoiInputException(
                    "--from-openai-usage: " + where + " " + field + " must be a whole number >= 0, but was " + value);
        }
        return value.asLong();
    }
}
