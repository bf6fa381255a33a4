package dev.relaygate.relay.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.config.ClusterConfig;
import dev.relaygate.relay.config.ConfigException;
import dev.relaygate.relay.config.EnvironmentConfig;
import dev.relaygate.relay.config.EnvironmentsConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.rollout.Phase;
import dev.relaygate.relay.rollout.StateFile;
import dev.relaygate.relay.support.Http;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three relays clustered in this JVM, driven through their admin APIs as an operator would. */
final class FleetMembersTest {

    @Test
    void everyMemberActsOnTheOneRecordAndARejoiningMemberTakesItOverItsStateFile(@TempDir Path dir) {
        try (FleetFixture f = FleetFixture.start(dir, c -> c)) {
            f.stop(2);
            // Decided while member 2 is away: a rollout started on member 1, rolled back on member 0.
            assertThat(f.post(1, "/admin/rollout", "{\"increment\":20,\"interval_seconds\":3600}")
                            .path("http_status")
                            .asInt())
                    .isEqualTo(200);
            f.await("green 20 on the running members", () -> f.greenWeight(0) == 20 && f.greenWeight(1) == 20);
            JsonNode rollback = f.post(0, "/admin/rollback", "{}");
            assertThat(rollback.path("http_status").asInt()).isEqualTo(200);
            assertThat(rollback.path("cluster_version").asLong()).isPositive();
            assertThat(f.greenWeight(0)).isZero();
            f.await(
                    "member 1 rolled back",
                    () -> f.greenWeight(1) == 0
                            && "ROLLED_BACK"
                                    .equals(f.status(1)
                                            .path("rollout")
                                            .path("phase")
                                            .asText()));

            // A member's state file follows the records it applied from the fleet.
            f.await(
                    "member 1's state file says ROLLED_BACK",
                    () -> new StateFile(dir.resolve("state-1.json"))
                            .load()
                            .map(saved -> saved.phase() == Phase.ROLLED_BACK)
                            .orElse(false));

            // Member 2's own state file still says STABLE; the fleet's record wins.
            f.restart(2, f.config(2));
            assertThat(f.status(2).path("rollout").path("phase").asText()).isEqualTo("ROLLED_BACK");
            assertThat(f.greenWeight(2)).isZero();
            assertThat(f.status(2).path("cluster").path("applied_version").asLong())
                    .isEqualTo(rollback.path("cluster_version").asLong());
            JsonNode events = events(f, 2);
            assertThat(events.findValuesAsText("type")).contains("ROLLED_BACK");
        }
    }

    @Test
    void aMemberWhoseUpstreamsDifferIsRefusedNamingTheFields(@TempDir Path dir) {
        try (FleetFixture f = FleetFixture.start(dir, c -> c)) {
            int port = FleetFixture.freePort();
            List<Integer> ports = new ArrayList<>(f.clusterPorts);
            ports.add(port);
            RelayConfig base = f.config(0);
            RelayConfig other = base.withEnvironments(new EnvironmentsConfig(
                            base.environments().blue(),
                            EnvironmentConfig.of(
                                    base.environments().green().name(),
                                    f.green.baseUrl() + "/elsewhere",
                                    "sk-green-upstream")))
                    .withStateFile(dir.resolve("state-other.json").toString())
                    .withCluster(ClusterConfig.loopback(f.name, port, ports));
            assertThatThrownBy(() -> RelayServer.start(other))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("differs from the fleet's in environments.green.base_url")
                    .hasMessageNotContaining("sk-green-upstream");
            // The refused member left again: the fleet is still three.
            f.await(
                    "three members",
                    () -> f.status(0).path("cluster").path("members").size() == 3);
        }
    }

    @Test
    void aMemberLeftAloneKeepsServingItsLastRecordAndMayOnlyRollBack(@TempDir Path dir) {
        try (FleetFixture f = FleetFixture.start(dir, c -> c)) {
            assertThat(f.post(0, "/admin/traffic-shift", "{\"blue\":70,\"green\":30}")
                            .path("http_status")
                            .asInt())
                    .isEqualTo(200);
            f.await("green 30 on member 2", () -> f.greenWeight(2) == 30);
            f.stop(0);
            f.stop(1);
            f.await(
                    "member 2 says it is cut off",
                    () -> !f.status(2).path("cluster").path("connected").asBoolean());
            JsonNode cluster = f.status(2).path("cluster");
            assertThat(cluster.path("fail_static").asText()).contains("serving the last applied record");

            // Requests never wait for the cluster: the last applied split still routes.
            int green = 0;
            for (int i = 0; i < 60; i++) {
                HttpResponse<String> r = Http.post(
                        f.members[2].baseUrl() + "/chat/completions", Http.chatBody("gpt-4.1", false), Map.of());
                assertThat(r.statusCode()).isEqualTo(200);
                green += "green"
                                .equals(r.headers()
                                        .firstValue("X-Relay-Environment")
                                        .orElse(""))
                        ? 1
                        : 0;
                assertThat(r.headers().firstValue("X-Relay-Member"))
                        .contains(f.members[2].config().cluster().memberId());
            }
            assertThat(green).isPositive();
            String member = "\"member\":\"" + f.members[2].config().cluster().memberId() + "\"";
            f.await("member 2's request log names it on every line", () -> {
                List<String> lines = logLines(f.logDir(2));
                return lines.size() >= 60 && lines.stream().allMatch(l -> l.contains(member));
            });

            JsonNode refused = f.post(2, "/admin/traffic-shift", "{\"blue\":50,\"green\":50}");
            assertThat(refused.path("http_status").asInt()).isEqualTo(503);
            assertThat(refused.path("error").path("code").asText()).isEqualTo("cluster_unavailable");
            assertThat(f.greenWeight(2)).isEqualTo(30);

            assertThat(f.post(2, "/admin/rollback", "{}").path("http_status").asInt())
                    .isEqualTo(200);
            assertThat(f.greenWeight(2)).isZero();
        }
    }

    @Test
    void aTakenClusterPortIsRefusedNamingTheFieldBeforeAnythingStarts() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            RelayConfig config = dev.relaygate.relay.support.RelayFixture.baseConfig(
                            "http://127.0.0.1:9/v1", "http://127.0.0.1:10/v1")
                    .withCluster(ClusterConfig.loopback("taken-port", port, List.of(port)));
            assertThatThrownBy(() -> RelayServer.start(config))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("cluster.port " + port + " cannot be bound on 127.0.0.1")
                    .satisfies(e -> assertThat(((ConfigException) e).field()).isEqualTo("cluster.port"));
        }
    }

    private static List<String> logLines(Path dir) {
        try (var files = java.nio.file.Files.list(dir)) {
            List<String> lines = new ArrayList<>();
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("requests"))
                    .toList()) {
                lines.addAll(java.nio.file.Files.readAllLines(p));
            }
            return lines;
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static JsonNode events(FleetFixture f, int i) {
        try {
            return FleetFixture.JSON.readTree(Http.get(
                            f.members[i].adminUrl() + "/admin/events", dev.relaygate.relay.support.RelayFixture.admin())
                    .body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
