package dev.relaygate.gates;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's gate-result schema as a real draft 2020-12 validator (vertx-json-schema). */
final class SchemaCheck {

    static final Path SCHEMA = Path.of("..", "schemas", "gate-result.schema.json");

    private final Validator validator;

    SchemaCheck() {
        try {
            JsonObject schema = new JsonObject(Files.readString(SCHEMA));
            validator = Validator.create(
                    JsonSchema.of(schema),
                    new JsonSchemaOptions()
                            .setDraft(Draft.DRAFT202012)
                            .setBaseUri("https://relaygate.dev/schemas/")
                            .setOutputFormat(OutputFormat.Basic));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    OutputUnit validate(String json) {
        return validator.validate(new JsonObject(json));
    }
}
