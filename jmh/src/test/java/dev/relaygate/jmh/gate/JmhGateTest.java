package dev.relaygate.jmh.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class JmhGateTest {

    private static final String RUN = "20261204T070000.000Z";
    /** Every gated check, one per gated benchmark and figure: what an unreadable result fails. */
    private static final int GATED_CHECKS = GateRules.ALLOC_GATED.size() + GateRules.RATIO_GATED.size();

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void aPassingResultWritesTheGateFileInTheReportsContract() throws Exception {
        Path gate = dir.resolve("target/jmh-gate.json");

        JmhGate.run(GateRulesTest.fixturePath("passing.json"), gate, RUN, out);

        JsonNode json = new ObjectMapper().readTree(gate.toFile());
        assertThat(json.path("passed").asBoolean()).isTrue();
        assertThat(json.path("checks")).hasSize(12);
        JsonNode first = json.path("checks").get(0);
        assertThat(first.properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("benchmark", "metric", "measured", "limit", "comparison", "passed", "message");
        assertThat(first.path("measured").isNumber()).isTrue();
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("JMH gate passed: 12 checks");
    }

    @Test
    void theGateFileCarriesTheBuildsRunIdAndTheHashOfTheResultItJudged() throws Exception {
        Path result = GateRulesTest.fixturePath("passing.json");
        Path gate = dir.resolve("jmh-gate.json");

        JmhGate.run(result, gate, RUN, out);

        JsonNode json = new ObjectMapper().readTree(gate.toFile());
        assertThat(json.path("run_id").asText()).isEqualTo(RUN);
        assertThat(json.path("result_sha256").asText())
                .isEqualTo(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(Files.readAllBytes(result))));
    }

    @Test
    void aFailingResultIsWrittenAndPrintedButDoesNotThrow() throws Exception {
        Path gate = dir.resolve("jmh-gate.json");

        GateVerdict verdict = JmhGate.run(GateRulesTest.fixturePath("allocating.json"), gate, RUN, out);

        assertThat(verdict.passed()).isFalse();
        assertThat(new ObjectMapper().readTree(gate.toFile()).path("passed").asBoolean(true))
                .isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("JMH gate FAILED (2 of 12 checks)")
                .contains("  - OutcomeRecordingBenchmark.record: gc.alloc.rate.norm measured 24, limit < 1")
                .contains(
                        "  - RouteDecisionBenchmark.weighted [greenWeight=10]: gc.alloc.rate.norm measured 16.000, limit < 1");
    }

    @Test
    void aMissingResultFileIsAFailedVerdictNamingTheFile() throws Exception {
        Path gate = dir.resolve("jmh-gate.json");

        GateVerdict verdict = JmhGate.run(dir.resolve("jmh-result.json"), gate, RUN, out);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.checks()).hasSize(GATED_CHECKS).allSatisfy(c -> {
            assertThat(c.passed()).isFalse();
            assertThat(c.message()).contains("jmh-result.json does not exist");
        });
        // a missing figure is written as JMH writes its own: the string "NaN"
        assertThat(Files.readString(gate)).contains("\"measured\" : \"NaN\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{\"benchmark\":\"x\"}",
                "[{\"primaryMetric\":{\"score\":1}}]",
                "[{\"benchmark\":\"a.B.c\",\"primaryMetric\":{\"score\":\"fast\"}}]",
                "not json"
            })
    void anUnreadableResultIsAFailedVerdictSayingWhy(String content) throws IOException {
        Path result = dir.resolve("jmh-result.json");
        Files.writeString(result, content);

        GateVerdict verdict = JmhGate.run(result, dir.resolve("jmh-gate.json"), RUN, out);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.checks())
                .hasSize(GATED_CHECKS)
                .allSatisfy(c -> assertThat(c.message()).contains("is not a readable JMH result"));
    }
}
