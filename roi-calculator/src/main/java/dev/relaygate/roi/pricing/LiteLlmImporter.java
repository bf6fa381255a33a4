package dev.relaygate.roi.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaygate.roi.RoiInputException;
import dev.relaygate.roi.io.StrictReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a local LiteLLM {@code model_prices_and_context_window.json} (USD per token) into catalog entries
 * (USD per million tokens). Entries without both input and output costs (images, embeddings, the
 * {@code sample_spec} documentation entry) are skipped. The as-of date is the file's modification date.
 */
public final class LiteLlmImporter {
    private static final String SAMPLE_SPEC = "sample_spec";

    private LiteLlmImporter() {}

    public static List<CatalogEntry> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RoiInputException("--litellm-prices must be a readable file, but '" + file + "' does not exist");
        }
        JsonNode root;
        String asOf;
        try {
            root = StrictReader.json().readTree(file.toFile());
            asOf = Files.getLastModifiedTime(file)
                    .toInstant()
                    .atOffset(ZoneOffset.UTC)
                    .toLocalDate()
                    .toString();
        } catch (IOException e) {
            throw new RoiInputException("--litellm-prices file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new RoiInputException(
                    "--litellm-prices file " + file + " must hold a JSON object keyed by model name");
        }
        String source = file.toAbsolutePath().toUri().toString();
        List<CatalogEntry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode spec = field.getValue();
            BigDecimal input = perMtok(spec, "input_cost_per_token");
            BigDecimal output = perMtok(spec, "output_cost_per_token");
            if (SAMPLE_SPEC.equals(field.getKey()) || input == null || output == null) {
                continue;
            }
            BigDecimal cacheRead = perMtok(spec, "cache_read_input_token_cost");
            BigDecimal cacheWrite = perMtok(spec, "cache_creation_input_token_cost");
            String provider = spec.path("litellm_provider").asText("unknown");
            entries.add(new CatalogEntry(
                    field.getKey(),
                    provider,
                    List.of(),
                    input.doubleValue(),
                    cacheRead == null ? null : cacheRead.doubleValue(),
                    cacheWrite == null ? null : cacheWrite.doubleValue(),
                    output.doubleValue(),
                    source,
                    asOf,
                    "imported from LiteLLM (USD per token x 1,000,000)"));
        }
        return entries;
    }

    /** USD per token to USD per million tokens, in decimal so 2e-6 becomes exactly 2.0. */
    private static BigDecimal perMtok(JsonNode spec, String field) {
        JsonNode node = spec.get(field);
        if (node == null || !node.isNumber()) {
            return null;
        }
        BigDecimal value = node.decimalValue().movePointRight(6);
        if (value.signum() < 0) {
            throw new RoiInputException("LiteLLM field " + field + " must be >= 0, but was " + node.asText());
        }
        return value.stripTrailingZeros();
    }
}
