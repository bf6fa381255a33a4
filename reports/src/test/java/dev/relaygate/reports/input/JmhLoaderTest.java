package dev.relaygate.reports.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class JmhLoaderTest {

    @Test
    void readsJmhsJsonIncludingTheNanScoreErrorAndTheAllocationFigure(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("jmh-result.json");
        Files.writeString(file, """
                [{"benchmark": "dev.relaygate.jmh.BodyPeekBenchmark.peek", "mode": "avgt",
                  "params": {"size": "32768"},
                  "primaryMetric": {"score": 1.85, "scoreError": "NaN", "scoreUnit": "us/op"},
                  "secondaryMetrics": {"gc.alloc.rate.norm": {"score": 112.0, "scoreError": 0.5, "scoreUnit": "B/op"}}}]
                """);
        List<JmhBenchmark> results = ((Input.Present<List<JmhBenchmark>>) JmhLoader.results(file)).value();
        JmhBenchmark b = results.get(0);
        assertThat(b.label()).isEqualTo("BodyPeekBenchmark.peek [size=32768]");
        assertThat(b.primary().error()).isNaN();
        assertThat(b.nanosPerOp()).hasValue(1850.0);
        assertThat(b.bytesPerOp()).hasValue(112.0);
    }

    @Test
    void throughputScoresAreNotTimesPerOperation() {
        JmhBenchmark b =
                new JmhBenchmark("a.B.c", "thrpt", Map.of(), new JmhBenchmark.Metric(61.4, 3.3, "ops/us"), Map.of());
        assertThat(b.nanosPerOp()).isEmpty();
        assertThat(b.bytesPerOp()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "{}", "[{\"mode\": \"avgt\"}]", "[{\"benchmark\": \"a.B.c\", \"primaryMetric\": {}}]", "[1"})
    void malformedResultsAreInvalidNotSkipped(String json, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("jmh-result.json");
        Files.writeString(file, json);
        assertThat(JmhLoader.results(file)).isInstanceOf(Input.Invalid.class);
    }

    @Test
    void gateVerdictWithoutChecksIsInvalid(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("jmh-gate.json");
        Files.writeString(file, "{\"passed\": true}");
        assertThat(JmhLoader.gate(file))
                .isInstanceOfSatisfying(
                        Input.Invalid.class,
                        invalid -> assertThat(invalid.message()).isEqualTo("checks must be an array, but was missing"));
    }

    @Test
    void absentFilesAreMissing(@TempDir Path dir) {
        assertThat(JmhLoader.results(dir.resolve("none.json"))).isInstanceOf(Input.Missing.class);
        assertThat(JmhLoader.gate(dir.resolve("none.json"))).isInstanceOf(Input.Missing.class);
        assertThat(RoiLoader.load(dir.resolve("none.json"))).isInstanceOf(Input.Missing.class);
    }
}
