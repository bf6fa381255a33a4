package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.json.schema.OutputUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class GateResultWriterTest {

    private static final RelayInfo RELAY = new RelayInfo("relaygate", "in-process", "relaygate (test), in-process");

    private final SchemaCheck schema = new SchemaCheck();

    @TempDir
    Path dir;

    @Test
    void aFullResultIsWrittenAsGateIdDotJsonAndIsValidAgainstTheRepositorySchema() throws Exception {
        Path file = new GateResultWriter(dir).write(fullResult());

        assertThat(file).isEqualTo(dir.resolve("auto-rollback-errors.json"));
        OutputUnit out = schema.validate(Files.readString(file));
        assertThat(out.getValid()).as(String.valueOf(out.getErrors())).isTrue();
    }

    @Test
    void fieldsUseTheSchemasSnakeCaseNames() throws Exception {
        JsonNode json = new ObjectMapper()
                .readTree(new GateResultWriter(dir).write(fullResult()).toFile());

        assertThat(json.get("percentiles_ms").get("p99").asDouble()).isEqualTo(44.9);
        assertThat(json.get("timeline").get(0).get("green_weight").asInt()).isEqualTo(10);
        assertThat(json.get("events").get(0).get("t_ms").asLong()).isEqualTo(2000);
        assertThat(json.get("run").get("load").get("rate_per_sec").asInt()).isEqualTo(200);
        assertThat(json.get("started_at").asText()).isEqualTo("2026-11-29T13:00:00Z");
        assertThat(json.get("duration_ms").asLong()).isEqualTo(60000);
        assertThat(json.get("run_id").asText()).isEqualTo("20261204T061500.123Z");
        assertThat(json.get("threshold_overrides")
                        .get("rollback_within_ms")
                        .get("default")
                        .asDouble())
                .isEqualTo(30000);
        assertThat(json.get("threshold_overrides")
                        .get("rollback_within_ms")
                        .get("loosened")
                        .asBoolean())
                .isTrue();
        assertThat(json.has("aborted")).isFalse();
    }

    @Test
    void aMinimalFailedResultIsValidToo() throws Exception {
        GateEvaluation eval = new GateEvaluation().below("p99_ms", 250.0, "p99_below_ms", 200);
        GateResult r = new GateResult(
                "steady-state",
                "run-1",
                false,
                false,
                "d",
                null,
                eval.failures(),
                eval.thresholds(),
                Map.of(),
                Map.of(),
                eval.measuredFigures(),
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                new RunInfo(null, "17", 2, 42, Map.of()),
                Instant.EPOCH,
                0,
                RELAY,
                null);

        OutputUnit out = schema.validate(Files.readString(new GateResultWriter(dir).write(r)));

        assertThat(out.getValid()).as(String.valueOf(out.getErrors())).isTrue();
    }

    @Test
    void aFigureThatIsNotANumberIsWrittenAsNullSoTheFileStaysJson() throws Exception {
        GateEvaluation eval = new GateEvaluation().measured("ratio", Double.NaN);
        GateResult r = new GateResult(
                "relay-overhead",
                "run-1",
                true,
                false,
                "d",
                null,
                List.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                eval.measuredFigures(),
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                new RunInfo(null, "17", 2, 42, Map.of()),
                Instant.EPOCH,
                0,
                RELAY,
                null);

        JsonNode json =
                new ObjectMapper().readTree(new GateResultWriter(dir).write(r).toFile());

        assertThat(json.get("measured").get("ratio").isNull()).isTrue();
    }

    @Test
    void theSchemaRejectsAResultWithoutPassed() {
        OutputUnit out = schema.validate("{\"gate\":\"x\",\"description\":\"d\",\"thresholds\":{},\"measured\":{},"
                + "\"run\":{\"jvm\":\"17\",\"cores\":2},\"started_at\":\"2026-11-29T13:00:00Z\",\"duration_ms\":1}");

        assertThat(out.getValid()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "true,  '[\"p99_ms was 250\"]'",
        "false, '[]'",
    })
    void theSchemaRejectsAResultWhosePassedContradictsItsFailures(boolean passed, String failures) {
        OutputUnit out = schema.validate("{\"gate\":\"x\",\"run_id\":\"r\",\"passed\":" + passed
                + ",\"failures\":" + failures + ",\"description\":\"d\",\"thresholds\":{},\"measured\":{},"
                + "\"run\":{\"jvm\":\"17\",\"cores\":2},\"started_at\":\"2026-11-29T13:00:00Z\",\"duration_ms\":1}");

        assertThat(out.getValid()).isFalse();
    }

    @Test
    void theSchemaRejectsAnAbortedResultThatClaimsToHavePassed() {
        OutputUnit out = schema.validate("{\"gate\":\"x\",\"run_id\":\"r\",\"passed\":true,\"aborted\":true,"
                + "\"failures\":[],\"description\":\"d\",\"thresholds\":{},\"measured\":{},"
                + "\"run\":{\"jvm\":\"17\",\"cores\":2},\"started_at\":\"2026-11-29T13:00:00Z\",\"duration_ms\":1}");

        assertThat(out.getValid()).isFalse();
    }

    @Test
    void theSchemaRejectsAResultWithoutItsRunId() {
        OutputUnit out = schema.validate("{\"gate\":\"x\",\"passed\":true,\"failures\":[],\"description\":\"d\","
                + "\"thresholds\":{},\"measured\":{},"
                + "\"run\":{\"jvm\":\"17\",\"cores\":2},\"started_at\":\"2026-11-29T13:00:00Z\",\"duration_ms\":1}");

        assertThat(out.getValid()).isFalse();
    }

    @Test
    void passedMustAgreeWithTheFailures() {
        assertThatThrownBy(() -> new GateResult(
                        "steady-state",
                        "run-1",
                        true,
                        false,
                        "d",
                        null,
                        List.of("p99_ms was 250"),
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        Map.of(),
                        List.of(),
                        List.of(),
                        new RunInfo(null, "17", 2, 42, Map.of()),
                        Instant.EPOCH,
                        0,
                        RELAY,
                        null))
                .hasMessageContaining("passed must be true exactly when failures is empty");
    }

    private static GateResult fullResult() {
        GateEvaluation eval = new GateEvaluation()
                .atMost("rollback_after_ms", 4100.0, "rollback_within_ms", 30000)
                .measured("client_errors", 7L)
                .measured("requests", 12000L)
                .target("rollback_median_ms", 6000);
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("t_ms", 0L);
        sample.put("green_weight", 10);
        sample.put("green_error_rate", 0.0);
        sample.put("phase", "CANARY");
        sample.put("note", null);
        Map<String, Double> pct = new LinkedHashMap<>();
        pct.put("p50", 21.0);
        pct.put("p95", 30.2);
        pct.put("p99", 44.9);
        return new GateResult(
                "auto-rollback-errors",
                "20261204T061500.123Z",
                eval.passed(),
                false,
                "rollback on green errors",
                "AutoRollbackErrorsSimulation",
                eval.failures(),
                eval.thresholds(),
                Map.of("rollback_within_ms", new ThresholdOverride(30000, 45000, true)),
                eval.targets(),
                eval.measuredFigures(),
                pct,
                Map.of("ttft_ms", Map.of("p50", 3.0)),
                List.of(sample),
                List.of(new GateEvent(2000, "fault_onset", "green flaky 5%"), new GateEvent(6100, "rollback", null)),
                new RunInfo("abc123", "17.0.15", 2, 42, Map.of("rate_per_sec", 200L, "mode", "full")),
                Instant.parse("2026-11-29T13:00:00Z"),
                60000,
                RELAY,
                null);
    }
}
