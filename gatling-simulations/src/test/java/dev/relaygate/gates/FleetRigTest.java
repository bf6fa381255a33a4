package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.relaygate.mock.ProfileSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FleetRigTest {

    @Test
    void aMembersConfigHasItsOwnPortsStateAndLogAndTheClusterSectionOfTheContract() throws Exception {
        String yaml = new FleetMemberConfig(
                        41001,
                        "http://127.0.0.1:41010/v1",
                        "http://127.0.0.1:41011/v1",
                        Path.of("/tmp/fleet/member-1/state.json"),
                        Path.of("/tmp/fleet/member-1/logs"),
                        "relaygate-gates-abc",
                        41101,
                        List.of(41101, 41102, 41103))
                .yaml();

        JsonNode c = new ObjectMapper(new YAMLFactory()).readTree(yaml);

        assertThat(c.at("/server/host").asText()).isEqualTo("127.0.0.1");
        assertThat(c.at("/server/port").asInt()).isEqualTo(41001);
        assertThat(c.at("/environments/green/base_url").asText()).isEqualTo("http://127.0.0.1:41011/v1");
        assertThat(c.at("/client_keys/0").asText()).isEqualTo(GateRig.CLIENT_KEY);
        assertThat(c.at("/admin/token").asText()).isEqualTo(GateRig.ADMIN_TOKEN);
        assertThat(c.at("/state_file").asText()).isEqualTo("/tmp/fleet/member-1/state.json");
        assertThat(c.at("/request_log/dir").asText()).isEqualTo("/tmp/fleet/member-1/logs");
        assertThat(c.at("/cluster/host").asText()).isEqualTo("127.0.0.1");
        assertThat(c.at("/cluster/port").asInt()).isEqualTo(41101);
        assertThat(c.at("/cluster/members").toString())
                .isEqualTo("[\"127.0.0.1:41101\",\"127.0.0.1:41102\",\"127.0.0.1:41103\"]");
        assertThat(c.at("/cluster/failure_detection_seconds").asInt()).isEqualTo(5);
    }

    @Test
    void aRelayOnItsOwnHasNoClusterSection() throws Exception {
        String yaml = new FleetMemberConfig(
                        41001,
                        "http://127.0.0.1:41010/v1",
                        "http://127.0.0.1:41011/v1",
                        Path.of("/tmp/fleet/solo/state.json"),
                        Path.of("/tmp/fleet/solo/logs"),
                        null,
                        0,
                        List.of())
                .yaml();

        JsonNode c = new ObjectMapper(new YAMLFactory()).readTree(yaml);

        assertThat(c.has("cluster")).isFalse();
        assertThat(c.at("/server/port").asInt()).isEqualTo(41001);
    }

    @Test
    void theRelayJarIsTheNamedOneElseTheRepositorysBuild(@TempDir Path dir) {
        Properties named = new Properties();
        named.setProperty("fleet.relay_jar", dir.resolve("x.jar").toString());
        Properties repo = new Properties();
        repo.setProperty("gates.repo", dir.toString());

        assertThat(FleetRig.relayJar(new GateProperties("fleet-rollback", named)))
                .isEqualTo(dir.resolve("x.jar"));
        assertThat(FleetRig.relayJar(new GateProperties("fleet-rollback", repo)))
                .isEqualTo(dir.resolve("relay-core/target/relaygate.jar"));
    }

    @Test
    void aMissingRelayJarIsNamedWithTheWayToProvideOne(@TempDir Path dir) {
        Properties p = new Properties();
        p.setProperty("fleet.relay_jar", dir.resolve("missing.jar").toString());

        assertThatThrownBy(() -> FleetRig.start(new GateProperties("fleet-rollback", p), healthy(), healthy()))
                .hasMessageContaining("missing.jar does not exist")
                .hasMessageContaining("-Dfleet.relay_jar");
    }

    @Test
    void aMemberThatExitsOnStartAbortsTheRigNamingItAndItsLastLogLines(@TempDir Path dir) throws Exception {
        Path notAJar = Files.writeString(dir.resolve("broken.jar"), "not a jar");
        Properties p = new Properties();
        p.setProperty("fleet.relay_jar", notAJar.toString());
        p.setProperty("gates.dir", dir.resolve("target/gates").toString());

        assertThatThrownBy(() -> FleetRig.start(new GateProperties("fleet-rollback", p), healthy(), healthy()))
                .hasMessageStartingWith("member-1 exited with status 1 before the fleet was up")
                .hasMessageContaining("jarfile");
        assertThat(dir.resolve("target/gates-fleet/fleet-rollback/member-3.log"))
                .exists();
    }

    private static ProfileSettings healthy() {
        return ProfileSettings.healthy();
    }
}
