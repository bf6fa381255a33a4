package dev.relaygate.gates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one build asked the gates module to run: {@code <gates dir>/_manifest.json}, written before any
 * gate starts. The verdict judges the requested gates against it, so a gate that never wrote its result
 * is a failure rather than a silent absence. The underscore keeps the name out of the gate-id space.
 *
 * @param runId         the build's run id; every result of this run carries it
 * @param requested     the gates this run must produce results for, in run order
 * @param notRequested  the other gates of the catalog (a {@code -Dgates=} subset)
 * @param relay         "in-process" or the external relay's URL
 * @param mode          "full" or "quick"
 * @param comparison    in a comparison build ({@code -Ppeers}) the relays and the gates each runs; else null
 */
public record GateManifest(
        String runId,
        List<String> requested,
        List<String> notRequested,
        String relay,
        String mode,
        Instant writtenAt,
        Comparison comparison) {

    /** The comparison build's relays (relaygate first) and gates: every relay runs every gate. */
    public record Comparison(List<String> relays, List<String> gates) {

        public Comparison {
            relays = List.copyOf(relays);
            gates = List.copyOf(gates);
        }

        /** Each result's key, {@code <relay>/<gate>}, relay by relay. */
        public List<String> keys() {
            List<String> keys = new ArrayList<>();
            relays.forEach(r -> gates.forEach(g -> keys.add(r + "/" + g)));
            return keys;
        }
    }

    public static final String FILE_NAME = "_manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public GateManifest {
        Objects.requireNonNull(runId, "runId");
        requested = List.copyOf(requested);
        notRequested = List.copyOf(notRequested);
    }

    /** Every result this run must produce: the requested gates, and each comparison relay's gates. */
    public List<String> expected() {
        List<String> all = new ArrayList<>(requested);
        if (comparison != null) {
            all.addAll(comparison.keys());
        }
        return all;
    }

    public static Path file(Path gatesDir) {
        return gatesDir.resolve(FILE_NAME);
    }

    /** Writes atomically, like the gate results. */
    public Path write(Path gatesDir) {
        ObjectNode root = JSON.createObjectNode();
        root.put("run_id", runId);
        requested.forEach(root.putArray("requested")::add);
        notRequested.forEach(root.putArray("not_requested")::add);
        root.put("relay", relay);
        root.put("mode", mode);
        root.put("written_at", writtenAt.toString());
        if (comparison != null) {
            ObjectNode c = root.putObject("comparison");
            comparison.relays().forEach(c.putArray("relays")::add);
            comparison.gates().forEach(c.putArray("gates")::add);
        }
        Path target = file(gatesDir);
        try {
            Files.createDirectories(gatesDir);
            Path tmp = Files.createTempFile(gatesDir, "_manifest", ".tmp");
            JSON.writeValue(tmp.toFile(), root);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the gates manifest " + target, e);
        }
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it */
    public static GateManifest read(Path gatesDir) {
        Path file = file(gatesDir);
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not readable JSON: " + e.getMessage(), e);
        }
        JsonNode runId = root == null ? null : root.get("run_id");
        if (runId == null || !runId.isTextual() || runId.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": run_id must be a non-empty string");
        }
        return new GateManifest(
                runId.asText(),
                strings(root, "requested", file),
                strings(root, "not_requested", file),
                root.path("relay").asText(""),
                root.path("mode").asText(""),
                Instant.parse(root.path("written_at").asText(Instant.EPOCH.toString())),
                root.has("comparison")
                        ? new Comparison(
                                strings(root.get("comparison"), "relays", file),
                                strings(root.get("comparison"), "gates", file))
                        : null);
    }

    private static List<String> strings(JsonNode root, String field, Path file) {
        JsonNode array = root.get(field);
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException(file + ": " + field + " must be an array of gate ids");
        }
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
