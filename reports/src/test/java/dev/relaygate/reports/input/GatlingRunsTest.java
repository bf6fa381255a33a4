package dev.relaygate.reports.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class GatlingRunsTest {

    @Test
    void picksTheLatestRunOfTheSimulationStampedAroundTheGatesStart(@TempDir Path dir) throws IOException {
        run(dir, "steadystatesimulation-20261129115500000");
        run(dir, "steadystatesimulation-20261129120004900");
        run(dir, "steadystatesimulation-20261129130000000");
        run(dir, "othersimulation-20261129120005000");
        GatlingRuns runs = new GatlingRuns(dir, ZoneOffset.UTC, Duration.ofMinutes(10));

        assertThat(runs.reportOf(gate("SteadyStateSimulation", "2026-11-29T12:00:05Z", 60_000)))
                .hasValue(dir.resolve("steadystatesimulation-20261129120004900/index.html"));
    }

    @Test
    void readsTheStampInTheGivenZone(@TempDir Path dir) throws IOException {
        run(dir, "steadystatesimulation-20261129130004900");
        GatlingRuns berlin = new GatlingRuns(dir, ZoneId.of("Europe/Berlin"), Duration.ofMinutes(1));
        GatlingRuns utc = new GatlingRuns(dir, ZoneOffset.UTC, Duration.ofMinutes(1));
        GateResult gate = gate("SteadyStateSimulation", "2026-11-29T12:00:05Z", 60_000);

        assertThat(berlin.reportOf(gate)).isPresent();
        assertThat(utc.reportOf(gate)).isEmpty();
    }

    @Test
    void findsNothingWithoutASimulationNameAFolderOrAReport(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("steadystatesimulation-20261129120004900"));
        GatlingRuns runs = new GatlingRuns(dir, ZoneOffset.UTC, Duration.ofMinutes(10));

        assertThat(runs.reportOf(gate("SteadyStateSimulation", "2026-11-29T12:00:05Z", 1000)))
                .isEmpty();
        assertThat(runs.reportOf(gate(null, "2026-11-29T12:00:05Z", 1000))).isEmpty();
        assertThat(new GatlingRuns(dir.resolve("absent"), ZoneOffset.UTC, Duration.ofMinutes(10))
                        .reportOf(gate("SteadyStateSimulation", "2026-11-29T12:00:05Z", 1000)))
                .isEmpty();
    }

    @Test
    void simulationIdIsGatlingsLowerCasedSimpleName() {
        assertThat(GatlingRuns.simulationId("dev.relaygate.gates.AutoRollbackErrorsSimulation"))
                .isEqualTo("autorollbackerrorssimulation");
        assertThat(GatlingRuns.simulationId("Odd$Name")).isEqualTo("odd-name");
    }

    private static void run(Path dir, String folder) throws IOException {
        Files.createDirectories(dir.resolve(folder));
        Files.writeString(dir.resolve(folder).resolve("index.html"), "<html></html>");
    }

    static GateResult gate(String simulation, String startedAt, double durationMs) {
        return new GateResult(
                "steady-state",
                true,
                "d",
                simulation,
                List.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                null,
                startedAt,
                durationMs,
                "run",
                false,
                Map.of(),
                null,
                null);
    }
}
