package dev.relaygate.gates.relays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.mock.MockSettings;
import dev.relaygate.mock.MockUpstream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Portkey for real, against two mocks. Skipped (not failed) where node or {@code peers/portkey/node_modules}
 * is absent: run {@code npm ci} in {@code peers/portkey} to include it.
 */
final class PortkeyGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path INSTALL_DIR =
            Path.of(System.getProperty("user.dir")).resolveSibling("peers").resolve("portkey");

    @TempDir
    Path tmp;

    @Test
    void aNinetyTenSplitLandsNearOneHundredEightyToTwentyByTheAnswersIds() throws Exception {
        assumePortkeyCanRun();
        try (MockUpstream blue = MockUpstream.start(MockSettings.of("blue", "sk-blue"));
                MockUpstream green = MockUpstream.start(MockSettings.of("green", "sk-green"));
                PortkeyGateway portkey = PortkeyGateway.start(
                        new Upstreams(blue.baseUrl(), "sk-blue", green.baseUrl(), "sk-green"),
                        INSTALL_DIR,
                        tmp.resolve("portkey.log"))) {
            // HTTP/1.1: Java's default h2c upgrade offer (Connection: Upgrade) gets an empty 500 from Portkey
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            assertThat(portkey.description())
                    .startsWith("@portkey-ai/gateway 1.15.2 on node v")
                    .endsWith(", child process");
            assertThat(portkey.baseUrl()).startsWith("http://127.0.0.1:");
            assertThat(answeredBy(http, portkey, 20))
                    .as("blue 100 / green 0 from the start")
                    .isEqualTo(Map.of("blue", 20));

            portkey.setWeights(90, 10);
            Map<String, Integer> split = answeredBy(http, portkey, 200);

            assertThat(split.keySet()).containsOnly("blue", "green");
            // binomial(200, 0.1): mean 20, sd 4.2; outside 5..40 about once in 10,000 runs
            assertThat(split.getOrDefault("green", 0)).isBetween(5, 40);
            assertThat(portkey.cpuNanos()).isPresent();
            assertThat(portkey.cpuNanos().getAsLong()).isPositive();
        }
    }

    @Test
    void closeStopsTheNodeProcess() throws Exception {
        assumePortkeyCanRun();
        Upstreams nowhere = new Upstreams("http://127.0.0.1:1/v1", "a", "http://127.0.0.1:2/v1", "b");
        PortkeyGateway portkey = PortkeyGateway.start(nowhere, INSTALL_DIR, tmp.resolve("portkey.log"));
        ProcessHandle node = ProcessHandle.current()
                .children()
                .filter(p -> p.info()
                        .arguments()
                        .map(a -> String.join(" ", a)
                                .contains("--port="
                                        + URI.create(portkey.baseUrl()).getPort()))
                        .orElse(false))
                .findFirst()
                .orElseThrow();

        portkey.close();

        assertThat(node.onExit().get(1, TimeUnit.SECONDS).isAlive()).isFalse();
    }

    @Test
    void aMissingInstallNamesNpmCi() {
        assumeTrue(nodeRuns(), "node not found (-Dpeers.node or PATH)");
        Upstreams any = new Upstreams("http://127.0.0.1:1/v1", "a", "http://127.0.0.1:2/v1", "b");

        assertThatThrownBy(() -> PortkeyGateway.start(any, tmp, tmp.resolve("portkey.log")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("npm ci")
                .hasMessageContaining("-Ppeers");
    }

    @Test
    void aMissingNodeSaysToInstallIt() {
        Upstreams any = new Upstreams("http://127.0.0.1:1/v1", "a", "http://127.0.0.1:2/v1", "b");

        assertThatThrownBy(() -> PortkeyGateway.start(
                        any,
                        INSTALL_DIR,
                        tmp.resolve("portkey.log"),
                        tmp.resolve("no-node").toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("node not found")
                .hasMessageContaining("install nodejs");
    }

    private static Map<String, Integer> answeredBy(HttpClient http, RelayUnderTest relay, int requests)
            throws IOException, InterruptedException {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(relay.baseUrl() + "/v1/chat/completions"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + relay.clientKey())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
            relay.headers().forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            String id = body.path("id").asText();
            assertThat(id).as("the mock's id passes through").matches("chatcmpl-(blue|green)-\\d+");
            counts.merge(id.split("-")[1], 1, Integer::sum);
        }
        return counts;
    }

    private static void assumePortkeyCanRun() {
        assumeTrue(nodeRuns(), "node not found (-Dpeers.node or PATH)");
        assumeTrue(
                Files.isRegularFile(INSTALL_DIR.resolve(PortkeyGateway.START_SCRIPT)),
                "Portkey is not installed: run `npm ci` in " + INSTALL_DIR);
    }

    private static boolean nodeRuns() {
        String node = System.getProperty(PortkeyGateway.NODE_PROPERTY, "node");
        try {
            Process p = new ProcessBuilder(node, "--version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
