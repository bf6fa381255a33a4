package dev.relaygate.reports.input;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The repository's gate JSON Schema ({@code schemas/gate-result.schema.json}, copied into this
 * jar at build time) applied with Vert.x's draft 2020-12 validator.
 */
public final class GateSchema {

    static final String RESOURCE = "/schemas/gate-result.schema.json";

    private final Validator validator;

    private GateSchema(Validator validator) {
        this.validator = validator;
    }

    public static GateSchema load() {
        try (InputStream in = GateSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("gate schema resource " + RESOURCE + " is missing from the classpath");
            }
            JsonObject schema = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            JsonSchemaOptions options = new JsonSchemaOptions()
                    .setDraft(Draft.DRAFT202012)
                    .setBaseUri("https://relaygate.dev/schemas/")
                    .setOutputFormat(OutputFormat.Basic);
            return new GateSchema(Validator.create(JsonSchema.of(schema), options));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gate schema " + RESOURCE, e);
        }
    }

    /** The validator's messages for this document; empty when it is valid. */
    public List<String> violations(String json) {
        Object document;
        try {
            document = io.vertx.core.json.Json.decodeValue(json);
        } catch (DecodeException e) {
            return List.of("not valid JSON: " + firstLine(e.getMessage()));
        }
        OutputUnit result = validator.validate(document);
        if (Boolean.TRUE.equals(result.getValid())) {
            return List.of();
        }
        List<String> messages = new ArrayList<>();
        if (result.getErrors() != null) {
            for (OutputUnit error : result.getErrors()) {
                messages.add(describe(error));
            }
        }
        if (messages.isEmpty()) {
            messages.add(describe(result));
        }
        return List.copyOf(messages);
    }

    private static String describe(OutputUnit unit) {
        String location = unit.getInstanceLocation();
        String where = location == null || location.isEmpty() || "#".equals(location) ? "(document)" : location;
        String keyword = unit.getKeywordLocation() == null ? "" : " [schema " + unit.getKeywordLocation() + "]";
        return where + ": " + unit.getError() + keyword;
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline >= 0 ? text.substring(0, newline) : text;
    }
}
