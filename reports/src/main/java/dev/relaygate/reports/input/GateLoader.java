package dev.relaygate.reports.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads every {@code *.json} of the gates folder, validating each against the gate schema. */
public final class GateLoader {

    private final GateSchema schema;

    public GateLoader(GateSchema schema) {
        this.schema = schema;
    }

    /**
     * Missing when the folder does not exist or holds no gate file (the gates did not run);
     * otherwise every file in name order, valid or not: an invalid file is never skipped.
     */
    public Input<List<GateFile>> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Input.missing(dir);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            // "_" marks the folder's own files (the run manifest); no gate id starts with one
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith("_"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return new Input.Invalid<>(dir, "cannot list the gates folder: " + e.getMessage());
        }
        if (files.isEmpty()) {
            return Input.missing(dir);
        }
        List<GateFile> gates = new ArrayList<>();
        for (Path file : files) {
            gates.add(read(file));
        }
        return new Input.Present<>(dir, List.copyOf(gates));
    }

    /** A result whose passed disagrees with its failures says so first, in words, before the schema's paths. */
    private static List<String> withContradiction(String json, List<String> violations) {
        try {
            com.fasterxml.jackson.databind.JsonNode root = Json.MAPPER.readTree(json);
            com.fasterxml.jackson.databind.JsonNode passed = root.path("passed");
            String contradiction = passed.isBoolean()
                    ? GateResult.contradiction(
                            passed.asBoolean(), root.path("failures").size())
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

    GateFile read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return new GateFile.Invalid(file, List.of("cannot read the file: " + e.getMessage()));
        }
        List<String> violations = schema.violations(json);
        if (!violations.isEmpty()) {
            return new GateFile.Invalid(file, withContradiction(json, violations));
        }
        GateResult result;
        try {
            result = Json.MAPPER.readValue(json, GateResult.class);
        } catch (JsonProcessingException e) {
            return new GateFile.Invalid(file, List.of("does not bind to a gate result: " + Json.reason(e)));
        }
        String expectedName = result.gate() + ".json";
        if (!file.getFileName().toString().equals(expectedName)) {
            return new GateFile.Invalid(
                    file,
                    List.of("gate must match the file name (" + expectedName + "), but was '" + result.gate() + "'"));
        }
        return new GateFile.Valid(file, result);
    }
}
