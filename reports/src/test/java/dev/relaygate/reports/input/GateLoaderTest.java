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
        assertThat(file.key()).isEqualTo("other-name");
    }

    @Test
    void invalidFileIsKeptNotSkipped(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("steady-state.json"), GateSchemaTest.VALID);
        Files.writeString(dir.resolve("broken.json"), "[1, 2]");
        List<GateFile> files = ((Input.Present<List<GateFile>>) loader.load(dir)).value();
        assertThat(files).extracting(GateFile::key).containsExactly("broken", "steady-state");
        assertThat(files.get(0)).isInstanceOf(GateFile.Invalid.class);
        assertThat(((GateFile.Invalid) files.get(0)).errors())
                .singleElement()
                .asString()
                .contains("object");
    }

    @Test
    void aRelaysFolderHoldsItsComparisonResultsKeyedRelaySlashGate(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("portkey"));
        Files.writeString(dir.resolve("portkey/steady-state.json"), onRelay("portkey"));
        Files.writeString(dir.resolve("_manifest.json"), "{}");
        Files.createDirectories(dir.resolve("_scratch"));
        Files.writeString(dir.resolve("_scratch/steady-state.json"), onRelay("portkey"));

        GateFile file = single(loader.load(dir));

        assertThat(file).isInstanceOf(GateFile.Valid.class);
        assertThat(file.key()).isEqualTo("portkey/steady-state");
        assertThat(((GateFile.Valid) file).result().relay())
                .isEqualTo(new GateResult.Relay("portkey", "child process", "portkey 1.15.2"));
    }

    @Test
    void aResultInTheFolderOfAnotherRelayIsInvalid(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("portkey"));
        Files.writeString(dir.resolve("portkey/steady-state.json"), onRelay("relaygate"));

        GateFile file = single(loader.load(dir));

        assertThat(file).isInstanceOf(GateFile.Invalid.class);
        assertThat(file.key()).isEqualTo("portkey/steady-state");
        assertThat(((GateFile.Invalid) file).errors())
                .containsExactly("relay.name must match the relay folder (portkey), but was 'relaygate'");
    }

    @Test
    void aNotSupportedResultWithFailuresIsInvalidSayingWhyFirst(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("steady-state.json"),
                GateSchemaTest.NOT_SUPPORTED.replace("\"failures\": []", "\"failures\": [\"p99_ms was 250\"]"));

        GateFile file = single(loader.load(dir));

        assertThat(file).isInstanceOf(GateFile.Invalid.class);
        assertThat(((GateFile.Invalid) file).errors().get(0))
                .isEqualTo("self-contradictory result: not supported, yet with 1 failure");
    }

    @Test
    void aNotSupportedResultIsBoundWithItsReason(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("steady-state.json"), GateSchemaTest.NOT_SUPPORTED);

        GateResult result = ((GateFile.Valid) single(loader.load(dir))).result();

        assertThat(result.wasNotSupported()).isTrue();
        assertThat(result.notSupported()).startsWith("not supported by external: ");
        assertThat(result.passed()).isFalse();
        assertThat(result.contradiction()).isNull();
    }

    @Test
    void theManifestOfAComparisonBuildNamesItsRelaysAndGatesAndMayRequestNoDefaultGate(@TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve(GateManifest.FILE_NAME), """
                {"run_id": "r1", "requested": [], "not_requested": ["steady-state"],
                 "comparison": {"relays": ["relaygate", "portkey"], "gates": ["steady-state", "split-accuracy"]}}
                """);

        GateManifest manifest = ((Input.Present<GateManifest>) GateManifest.load(dir)).value();

        assertThat(manifest.comparison().relays()).containsExactly("relaygate", "portkey");
        assertThat(manifest.expectedKeys())
                .containsExactly(
                        "relaygate/steady-state",
                        "relaygate/split-accuracy",
                        "portkey/steady-state",
                        "portkey/split-accuracy");
    }

    @Test
    void aManifestExpectingNoResultIsInvalid(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(GateManifest.FILE_NAME), "{\"run_id\": \"r1\", \"requested\": []}");
        assertThat(GateManifest.load(dir)).isInstanceOf(Input.Invalid.class);
        Files.writeString(
                dir.resolve(GateManifest.FILE_NAME),
                "{\"run_id\": \"r1\", \"requested\": [], \"comparison\": {\"relays\": [], \"gates\": [\"a\"]}}");
        assertThat(GateManifest.load(dir))
                .isEqualTo(new Input.Invalid<GateManifest>(
                        dir.resolve(GateManifest.FILE_NAME),
                        "comparison.relays must name at least one relay, but was empty"));
    }

    private static String onRelay(String relay) {
        return GateSchemaTest.VALID.replace(
                "{\"name\": \"relaygate\", \"kind\": \"in-process\", \"description\": \"relaygate in this JVM\"}",
                "{\"name\": \"" + relay + "\", \"kind\": \"child process\", \"description\": \"" + relay
                        + " 1.15.2\"}");
    }

    private static GateFile single(Input<List<GateFile>> input) {
        assertThat(input).isInstanceOf(Input.Present.class);
        List<GateFile> files = ((Input.Present<List<GateFile>>) input).value();
        assertThat(files).hasSize(1);
        return files.get(0);
    }
}
