package dev.relaygate.reports.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaygate.reports.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class GateSchemaTest {

    static final GateSchema SCHEMA = GateSchema.load();

    static final String VALID = """
            {"gate": "steady-state", "run_id": "20261129T120000.000Z", "passed": true, "failures": [], "description": "d",
             "thresholds": {"p99_ms": 200}, "measured": {"p99_ms": 44.9, "rollback_after_ms": null},
             "run": {"jvm": "17.0.15", "cores": 2}, "started_at": "2026-11-29T12:00:05Z", "duration_ms": 60000}
            """;

    @Test
    void everyValidFixtureGateMatchesTheRepositorySchema() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.resource("full/gates"))) {
            assertThat(files.filter(f -> !f.getFileName().toString().equals("shadow-no-impact.json"))
                            .filter(f -> !f.getFileName().toString().equals(GateManifest.FILE_NAME)))
                    .hasSize(5)
                    .allSatisfy(file -> assertThat(SCHEMA.violations(Files.readString(file)))
                            .isEmpty());
        }
    }

    @Test
    void theMinimalDocumentIsValid() {
        assertThat(SCHEMA.violations(VALID)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "passed as a string       | \"passed\": true             | \"passed\": \"yes\"             | #/passed",
                "gate id with capitals    | \"gate\": \"steady-state\"   | \"gate\": \"Steady State\"      | #/gate",
                "cores zero               | \"cores\": 2                 | \"cores\": 0                    | #/run/cores",
                "negative duration        | \"duration_ms\": 60000       | \"duration_ms\": -1             | #/duration_ms",
                "threshold as an object   | \"p99_ms\": 200              | \"p99_ms\": {\"v\": 200}        | #/thresholds/p99_ms",
                "run without jvm          | \"jvm\": \"17.0.15\",        | ''                              | #/run",
            })
    void invalidDocumentsAreRejectedNamingTheField(String why, String from, String to, String field) {
        String document = VALID.replace(from, to);
        assertThat(document).as("fixture edit for %s", why).isNotEqualTo(VALID);
        assertThat(SCHEMA.violations(document))
                .as(why)
                .anySatisfy(message -> assertThat(message).startsWith(field));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "gate",
                "run_id",
                "passed",
                "failures",
                "description",
                "thresholds",
                "measured",
                "run",
                "started_at",
                "duration_ms"
            })
    void eachRequiredFieldIsRequired(String field) throws IOException {
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(VALID);
        document.remove(field);
        assertThat(SCHEMA.violations(document.toString()))
                .anySatisfy(message -> assertThat(message).contains("\"" + field + "\""));
    }

    @Test
    void textThatIsNotJsonIsReportedAsSuch() {
        assertThat(SCHEMA.violations("{\"gate\": ")).singleElement().asString().startsWith("not valid JSON: ");
    }
}
