package dev.relaygate.relay.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaygate.relay.config.TrafficShiftSettings;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class StateFileTest {

    @TempDir
    Path dir;

    @Test
    void isEmptyBeforeTheFirstSave() {
        assertThat(new StateFile(dir.resolve("state.json")).load()).isEmpty();
    }

    @Test
    void roundTripsPhaseWeightsSettingsReasonRolesAndRouting() {
        StateFile f = new StateFile(dir.resolve("sub/state.json"));
        PersistedState saved = new PersistedState(
                Phase.ROLLED_BACK,
                0,
                100,
                0,
                123L,
                TrafficShiftSettings.defaults(),
                "breach",
                UpstreamRoles.of("b", "http://127.0.0.1:1", "g", "http://127.0.0.1:2", true),
                new PersistedRouting(0, "weighted", false, "admin rollback", 122L));
        f.save(saved);
        assertThat(f.load()).contains(saved);
    }

    @Test
    void replacesTheFileAtomicallyAndLeavesNoTemporaryFiles() throws Exception {
        StateFile f = new StateFile(dir.resolve("state.json"));
        f.save(new PersistedState(Phase.CANARY, 1, 90, 10, 1L, null, null, null, null));
        f.save(new PersistedState(Phase.CANARY, 2, 80, 20, 2L, null, null, null, null));
        assertThat(f.load().orElseThrow().greenWeight()).isEqualTo(20);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("state.json");
        }
        assertThat(Files.readString(f.path())).contains("\"phase\" : \"CANARY\"", "\"green_weight\" : 20");
    }

    @Test
    void reportsACorruptFileWithItsPath() throws Exception {
        Path p = dir.resolve("state.json");
        Files.writeString(p, "{not json");
        assertThatThrownBy(() -> new StateFile(p).load())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(p.toString());
    }
}
