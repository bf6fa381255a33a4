package dev.relaygate.reports.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class GateLoaderTest {

    final GateLoader loader = new GateLoader(GateSchema.load());

    @Test
    void aMissingOrEmptyFolderMeansTheGatesDidNotRun(@TempDir Path dir) {
        assertThat(loader.load(dir.resolve("absent"))).isInstanceOf(Input.Missing.class);
        assertThat(loader.load(dir)).isInstanceOf(Input.Missing.class);
    }

    @Test
    void validFileIsBoundWithItsTimelineEventsAndKeyOrder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("auto-rollback-errors.json"), """
                {"gate": "auto-rollback-errors", "run_id": "r1", "passed": true, "failures": [], "description": "d",
                 "relay": {"name": "relaygate", "kind": "in-process", "description": "relaygate in this JVM"},
                 "simulation": "AutoRollbackErrorsSimulation",
                 "thresholds": {"z_first": 1, "a_second": true}, "measured": {"rollback_after_ms": null},
                 "timeline": [{"t_ms": 0, "green_weight": 10, "green_error_rate": 0.05, "phase": "CANARY"}],
                 "events": [{"t_ms": 20000, "name": "fault onset"}],
                 "run": {"jvm": "17", "cores": 2, "seed": 42, "load": {"rate": 200}},
                 "started_at": "2026-11-29T12:00:00+01:00", "duration_ms": 1000, "extra_field": "ignored"}
                """);
        GateResult gate = ((GateFile.Valid) single(loader.load(dir))).result();
        assertThat(gate.thresholds().keySet()).containsExactly("z_first", "a_second");
        assertThat(gate.measured()).containsEntry("rollback_after_ms", null);
        assertThat(gate.timeline()).containsExactly(new GateResult.TimelinePoint(0, 10.0, 0.05, "CANARY"));
        assertThat(gate.events()).containsExactly(new GateResult.GateEvent(20000, "fault onset", null));
        assertThat(gate.run().seed()).isEqualTo(42L);
        assertThat(gate.runId()).isEqualTo("r1");
        assertThat(gate.startInstant()).hasValueSatisfying(i -> assertThat(i).hasToString("2026-11-29T11:00:00Z"));
    }

    @Test
    void fileNamedOtherThanItsGateIsInvalid(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other-name.json"), GateSchemaTest.VALID);
        GateFile file = single(loader.load(dir));
        assertThat(file).isInstanceOf(GateFile.Invalid.class);
        assertThat(((GateFile.Invalid) file).errors())
                .containsExactly("gate must match the file name (steady-state.json), but was 'steady-state'");
        assertThat(file.name()).isEqualTo("other-name");
    }

    @Test
    void invalidFileIsKeptNotSkipped(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("steady-state.json"), GateSchemaTest.VALID);
        Files.writeString(dir.resolve("broken.json"), "[1, 2]");
        List<GateFile> files = ((Input.Present<List<GateFile>>) loader.load(dir)).value();
        assertThat(files).extracting(GateFile::name).containsExactly("broken", "steady-state");
        assertThat(files.get(0)).isInstanceOf(GateFile.Invalid.class);
        assertThat(((GateFile.Invalid) files.get(0)).errors())
                .singleElement()
                .asString()
                .contains("object");
    }

    private static GateFile single(Input<List<GateFile>> input) {
        assertThat(input).isInstanceOf(Input.Present.class);
        List<GateFile> files = ((Input.Present<List<GateFile>>) input).value();
        assertThat(files).hasSize(1);
        return files.get(0);
    }
}
