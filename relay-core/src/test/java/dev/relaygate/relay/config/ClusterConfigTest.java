package dev.relaygate.relay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ClusterConfigTest {

    private static final Map<String, String> ENV = Map.of("RELAYGATE_ADMIN_TOKEN", "tok-123");

    private static final String BASE = """
            environments:
              blue: {name: a, base_url: "http://127.0.0.1:9101/v1", api_key: sk-a}
              green: {name: b, base_url: "http://127.0.0.1:9102/v1", api_key: sk-b}
            """;

    private static RelayConfig parse(String cluster) {
        return ConfigLoader.parse(BASE + cluster, ENV::get);
    }

    /** The fields the problems of loading {@code cluster} name, in order. */
    private static List<String> problems(String cluster) {
        return messages(cluster).stream()
                .map(m -> m.substring(0, m.indexOf(' ')))
                .toList();
    }

    private static List<String> messages(String cluster) {
        try {
            parse(cluster);
            return List.of();
        } catch (ConfigException e) {
            return e.problems();
        }
    }

    @Test
    void aMemberOfThreeOnLoopbackBindsWithItsDefaults() {
        RelayConfig config = parse("""
                cluster:
                  port: 5802
                  members: [127.0.0.1:5801, 127.0.0.1:5802, 127.0.0.1:5803]
                """);
        ClusterConfig c = config.cluster();
        assertThat(c.name()).isEqualTo("relaygate");
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.memberId()).isEqualTo("127.0.0.1:5802");
        assertThat(c.failureDetectionSeconds()).isEqualTo(5);
        assertThat(c.reconcileIntervalMs()).isEqualTo(1000L);
        assertThat(c.quorum()).isEqualTo(2);
        assertThat(ConfigValidator.validate(config)).isEmpty();
    }

    @Test
    void theFleetExamplesLoadAsThreeMembersOfOneFleet() {
        for (int i = 1; i <= 3; i++) {
            RelayConfig c = ConfigLoader.load(Path.of("..", "examples", "fleet", "member-" + i + ".yaml"), ENV::get);
            assertThat(c.cluster().port()).isEqualTo(5800 + i);
            assertThat(c.cluster().members()).containsExactly("127.0.0.1:5801", "127.0.0.1:5802", "127.0.0.1:5803");
            assertThat(c.server().port()).isEqualTo(8080 + i);
        }
    }

    @Test
    void theDocumentedClusterSectionLoadsOnceUncommented() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "examples", "relaygate.yaml"));
        int start = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith("# cluster:"))
                .findFirst()
                .orElseThrow());
        StringBuilder section = new StringBuilder();
        for (String line : lines.subList(start, lines.size())) {
            section.append(line.substring(2)).append('\n');
        }
        RelayConfig config = parse(section.toString()
                .replace("  kubernetes:", "  kubernetes_off:")
                .lines()
                .takeWhile(l -> !l.startsWith("  kubernetes_off:"))
                .reduce("", (a, b) -> a + b + "\n"));
        assertThat(config.cluster().members()).hasSize(3);
        assertThat(config.cluster().failureDetectionSeconds()).isEqualTo(5);
    }

    @Test
    void withoutAClusterSectionTheRelayRunsAlone() {
        assertThat(ConfigLoader.parse(BASE, ENV::get).cluster()).isNull();
    }

    @Test
    void noMembersIsRefusedNamingTheField() {
        assertThat(problems("cluster: {port: 5801}")).containsExactly("cluster.members");
    }

    @Test
    void aBadAddressIsRefusedNamingTheEntry() {
        assertThat(problems("""
                        cluster:
                          port: 5801
                          members: [127.0.0.1:5801, "relay-2.internal:5802", "127.0.0.1:99999"]
                        """)).containsExactly("cluster.members[1]", "cluster.members[2]");
        assertThat(messages("""
                        cluster:
                          host: example.com
                          members: [127.0.0.1:5801]
                        """)).anySatisfy(m -> assertThat(m).startsWith("cluster.host must be one IP address"));
    }

    @Test
    void aMemberListWithoutThisMemberIsRefused() {
        assertThat(messages("""
                        cluster:
                          port: 5804
                          members: [127.0.0.1:5801, 127.0.0.1:5802]
                        """))
                .containsExactly("cluster.members must include this member (127.0.0.1:5804, from cluster.host and"
                        + " cluster.port), but was [127.0.0.1:5801, 127.0.0.1:5802]");
    }

    @Test
    void failureDetectionTimingIsCheckedAgainstItsRange() {
        assertThat(problems("""
                        cluster:
                          members: [127.0.0.1:5801]
                          failure_detection_seconds: 1
                          heartbeat_interval_seconds: 1
                          reconcile_interval_ms: 5
                        """))
                .containsExactlyInAnyOrder(
                        "cluster.failure_detection_seconds",
                        "cluster.heartbeat_interval_seconds",
                        "cluster.reconcile_interval_ms");
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        assertThatThrownBy(() -> parse("""
                        cluster:
                          members: [127.0.0.1:5801]
                          multicast: true
                        """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cluster.multicast");
    }

    @Test
    void kubernetesDiscoveryReplacesTheMemberList() {
        RelayConfig config = parse("""
                cluster:
                  kubernetes:
                    service-dns: relaygate.default.svc.cluster.local
                """);
        assertThat(config.cluster().usesKubernetes()).isTrue();
        assertThat(config.cluster().quorum()).as("the fleet's size is unknown").isEqualTo(1);
        assertThat(ConfigValidator.validate(config)).isEmpty();
    }

    @Test
    void withKubernetesTheExpectedMembersSetTheMajority() {
        RelayConfig config = parse("""
                cluster:
                  kubernetes:
                    service-dns: relaygate.default.svc.cluster.local
                  expected_members: 5
                """);
        assertThat(config.cluster().quorum()).isEqualTo(3);
        assertThat(ConfigValidator.validate(config)).isEmpty();

        assertThat(messages("""
                        cluster:
                          kubernetes:
                            service-dns: relaygate.default.svc.cluster.local
                          expected_members: 0
                        """)).containsExactly("cluster.expected_members must be in [1,1000], but was 0");
    }

    @Test
    void aMemberListIsTheFleetsSizeAndAnotherExpectedSizeIsRefused() {
        RelayConfig listed = parse("""
                cluster:
                  members: [127.0.0.1:5801, 127.0.0.1:5802, 127.0.0.1:5803]
                """);
        assertThat(listed.cluster().quorum()).isEqualTo(2);

        assertThat(messages("""
                        cluster:
                          members: [127.0.0.1:5801, 127.0.0.1:5802, 127.0.0.1:5803]
                          expected_members: 5
                        """))
                .containsExactly("cluster.expected_members must be left out or equal the number of cluster.members"
                        + " (3): it is the fleet's size only with cluster.kubernetes, but was 5");
    }
}
