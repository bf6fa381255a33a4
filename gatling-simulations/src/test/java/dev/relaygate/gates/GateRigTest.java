package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaygate.mock.ProfileSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

final class GateRigTest {

    @Test
    void chatRequestsThroughTheRigsRelayAreAllServedByBlueAndTheAdminApiAnswers() throws Exception {
        try (GateRig rig = GateRig.start()) {
            HttpClient http = HttpClient.newHttpClient();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                responses.add(http.send(
                        HttpRequest.newBuilder(URI.create(rig.relayUrl() + "/v1/chat/completions"))
                                .header("Authorization", "Bearer " + rig.clientKey())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"gpt-4.1\",\"messages\":[{\"role\":\"user\","
                                                + "\"content\":\"hi\"}],\"max_tokens\":8}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }

            assertThat(responses).hasSize(50).allSatisfy(r -> {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("X-Relay-Environment")).contains("blue");
            });
            assertThat(rig.admin().status().body().path("weights").path("green").asInt())
                    .isZero();
            // the warm-up's requests were reset away; a mock counts a request once it has answered it
            assertThat(Settle.counter(() -> rig.blue().counts().total(), Duration.ofMillis(200), Duration.ofSeconds(5)))
                    .isEqualTo(50);
            assertThat(rig.green().counts().total()).isZero();
        }
    }

    @Test
    void aWarmUpThatFailsLeavesNothingRunning() throws Exception {
        GateRig[] started = new GateRig[1];

        assertThatThrownBy(() -> GateRig.start(
                        null, ProfileSettings.healthy(), ProfileSettings.healthy(), UnaryOperator.identity(), rig -> {
                            started[0] = rig;
                            throw new IllegalStateException("warm-up failed");
                        }))
                .hasMessage("warm-up failed");

        URI relay = URI.create(started[0].relayUrl());
        assertThat(listening(relay.getPort())).as("relay port").isFalse();
        assertThat(listening(started[0].blue().port())).as("blue port").isFalse();
        assertThat(listening(started[0].green().port())).as("green port").isFalse();
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void anExternalRigStartsNoRelayAndPointsAtTheGivenOne() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("relay.url", "http://127.0.0.1:9/v1/");
        GateProperties props = new GateProperties("steady-state", p);
        try (GateRig rig = GateRig.start(
                props, ProfileSettings.healthy(), ProfileSettings.healthy(), UnaryOperator.identity(), r -> {})) {
            assertThat(rig.external()).isTrue();
            assertThat(rig.relay().name()).isEqualTo("external");
            assertThat(rig.relayUrl()).isEqualTo("http://127.0.0.1:9");
            assertThat(rig.directChatUrl())
                    .as("no direct arm unless named or on the harness's mocks")
                    .isNull();
        }
    }

    @Test
    void anExternalRelayWhoseHeadersNameTheMocksGetsTheirAddressesAndItsWeightsSet() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("relay.url", "http://127.0.0.1:9");
        p.setProperty(
                "relay.headers",
                "x-route:{\"targets\":[{\"url\":\"{blue_url}\",\"weight\":{blue_weight}},"
                        + "{\"url\":\"{green_url}\",\"weight\":{green_weight}}]}, X-Team: gates");
        GateProperties props = new GateProperties("steady-state", p);
        try (GateRig rig = GateRig.start(
                props, ProfileSettings.healthy(), ProfileSettings.healthy(), UnaryOperator.identity(), r -> {})) {
            rig.relay().setWeights(90, 10);

            assertThat(rig.relay().headers())
                    .containsEntry("X-Team", "gates")
                    .containsEntry(
                            "x-route",
                            "{\"targets\":[{\"url\":\"" + rig.blue().baseUrl() + "\",\"weight\":90}," + "{\"url\":\""
                                    + rig.green().baseUrl() + "\",\"weight\":10}]}");
            assertThat(rig.directChatUrl()).isEqualTo(rig.blue().baseUrl() + "/chat/completions");
            assertThat(GateRig.relaySpec(props).capabilities().weights())
                    .isEqualTo(dev.relaygate.gates.relays.WeightControl.PER_REQUEST_CONFIG);
        }
    }
}
