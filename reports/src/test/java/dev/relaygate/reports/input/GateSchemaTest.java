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
             "relay": {"name": "relaygate", "kind": "in-process", "description": "relaygate in this JVM"},
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

    /** A gate the relay lacks a capability for: neither passed nor failed. */
    static final String NOT_SUPPORTED = VALID.replace("\"passed\": true", "\"passed\": false")
            .replace(
                    "\"failures\": []",
                    "\"failures\": [], \"aborted\": false, \"not_supported\": "
                            + "\"not supported by external: needs traffic weights set by the harness\"");

    @Test
    void everyComparisonFixtureResultMatchesTheRepositorySchema() throws IOException {
        try (Stream<Path> files = Files.walk(Fixtures.resource("comparison/gates"))) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".json"))
                            .filter(f -> !f.getFileName().toString().equals(GateManifest.FILE_NAME)))
                    .hasSize(15)
                    .allSatisfy(file -> assertThat(SCHEMA.violations(Files.readString(file)))
                            .as(file.toString())
                            .isEmpty());
        }
    }

    @Test
    void theMinimalDocumentIsValid() {
        assertThat(SCHEMA.violations(VALID)).isEmpty();
        assertThat(SCHEMA.violations(VALID.replace("\"failures\": []", "\"failures\": [], \"not_supported\": null")))
                .isEmpty();
    }

    @Test
    void aNotSupportedResultWithoutFailuresIsValid() {
        assertThat(NOT_SUPPORTED).contains("\"not_supported\": \"not supported by external");
        assertThat(SCHEMA.violations(NOT_SUPPORTED)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not supported yet passed      | \"passed\": false  | \"passed\": true",
                "not supported with a failure  | \"failures\": []   | \"failures\": [\"p99_ms was 250\"]",
                "not supported yet aborted     | \"aborted\": false | \"aborted\": true",
                "not supported as empty text   | \"not_supported\": \"not supported by external: needs traffic weights set by the harness\" | \"not_supported\": \"\"",
            })
    void aSelfContradictoryNotSupportedResultIsInvalid(String why, String from, String to) {
        String document = NOT_SUPPORTED.replace(from, to);
        assertThat(document).as("fixture edit for %s", why).isNotEqualTo(NOT_SUPPORTED);
        assertThat(SCHEMA.violations(document)).as(why).isNotEmpty();
    }

    @Test
    void aFailedResultNeedsAFailureWhenItIsNotANotSupportedOne() {
        String failedWithoutReason =
                NOT_SUPPORTED.replaceAll("\"not_supported\": \"[^\"]*\"", "\"not_supported\": null");
        assertThat(SCHEMA.violations(failedWithoutReason))
                .anySatisfy(m -> assertThat(m).startsWith("#/failures"));
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
                "relay kind unknown       | \"kind\": \"in-process\"     | \"kind\": \"sidecar\"           | #/relay/kind",
                "relay name with a space  | \"name\": \"relaygate\"      | \"name\": \"relay gate\"        | #/relay/name",
                "relay without a name     | \"name\": \"relaygate\",     | ''                              | #/relay",
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
                "relay",
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
