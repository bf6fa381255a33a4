package dev.relaygate.reports.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads every {@code *.json} of the gates folder and of its relays' folders one level down (a comparison
 * build's {@code <relay>/<gate>.json}), validating each against the gate schema.
 */
public final class GateLoader {

    private final GateSchema schema;

    public GateLoader(GateSchema schema) {
        this.schema = schema;
    }

    /**
     * Missing when the folder does not exist or holds no gate file (the gates did not run); otherwise every
     * file, valid or not (an invalid file is never skipped): the folder's own in name order, then each relay
     * folder's in name order.
     */
    public Input<List<GateFile>> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Input.missing(dir);
        }
        List<GateFile> gates = new ArrayList<>();
        try {
            for (Path file : gateFiles(dir)) {
                gates.add(read(file, null));
            }
            for (Path relayDir : relayDirs(dir)) {
                String relay = relayDir.getFileName().toString();
                for (Path file : gateFiles(relayDir)) {
                    gates.add(read(file, relay));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return new Input.Invalid<>(dir, "cannot list the gates folder: " + e.getMessage());
        }
        if (gates.isEmpty()) {
            return Input.missing(dir);
        }
        return new Input.Present<>(dir, List.copyOf(gates));
    }

    // "_" marks the folder's own files (the run manifest); no gate id or relay name starts with one
    private static boolean ownFile(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith("_") || name.startsWith(".");
    }

    private static List<Path> gateFiles(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !ownFile(p))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    private static List<Path> relayDirs(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> !ownFile(p))
                    .filter(Files::isDirectory)
                    .sorted()
                    .toList();
        }
    }

    /** A self-contradictory result says so first, in words, before the schema's paths. */
    private static List<String> withContradiction(String json, List<String> violations) {
        try {
            JsonNode root = Json.MAPPER.readTree(json);
            JsonNode passed = root.path("passed");
            JsonNode notSupported = root.path("not_supported");
            String contradiction = passed.isBoolean()
                    ? GateResult.contradiction(
                            passed.asBoolean(),
                            root.path("failures").size(),
                            notSupported.isTextual() ? notSupported.asText() : null,
                            root.path("aborted").asBoolean(false))
                    : null;
            if (contradiction != null) {
                List<String> out = new ArrayList<>();
                out.add(contradiction);
                out.addAll(violations);
                return out;
            }
        } catch (JsonProcessingException e) {
            // not JSON at all: the schema's message already says so
        }
        return violations;
    }

    /** {@code relayDir}: the relay folder's name for a comparison result, null for a file of the gates folder. */
    GateFile read(Path file, String relayDir) {
        String key = GateFile.key(relayDir, GateFile.Invalid.stem(file));
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return new GateFile.Invalid(file, key, List.of("cannot read the file: " + e.getMessage()));
        }
        List<String> violations = schema.violations(json);
        if (!violations.isEmpty()) {
            return new GateFile.Invalid(file, key, withContradiction(json, violations));
        }
        GateResult result;
        try {
            result = Json.MAPPER.readValue(json, GateResult.class);
        } catch (JsonProcessingException e) {
            return new GateFile.Invalid(file, key, List.of("does not bind to a gate result: " + Json.reason(e)));
        }
        List<String> misplaced = new ArrayList<>();
        String expectedName = result.gate() + ".json";
        if (!file.getFileName().toString().equals(expectedName)) {
            misplaced.add("gate must match the file name (" + expectedName + "), but was '" + result.gate() + "'");
        }
        if (relayDir != null && !relayDir.equals(result.relayName())) {
            misplaced.add(
                    "relay.name must match the relay folder (" + relayDir + "), but was '" + result.relayName() + "'");
        }
        if (!misplaced.isEmpty()) {
            return new GateFile.Invalid(file, key, misplaced);
        }
        return new GateFile.Valid(file, GateFile.key(relayDir, result.gate()), result);
    }
}
