package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

final class GateRigTest {

  @Test
  void aChatRequestThroughTheRigsRelayIsServedByBlueAndTheAdminApiAnswers() throws Exception {
    try (GateRig rig = GateRig.start()) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> response = null;
      long worstNanos = 0;
      for (int i = 0; i < 50; i++) {
        long t0 = System.nanoTime();
        response = http.send(HttpRequest.newBuilder(URI.create(rig.relayUrl() + "/v1/chat/completions"))
            .header("Authorization", "Bearer " + rig.clientKey())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4.1\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"hi\"}],\"max_tokens\":8}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        worstNanos = Math.max(worstNanos, System.nanoTime() - t0);
      }
      System.out.printf("worst of 50 sequential relayed requests: %.1f ms%n", worstNanos / 1e6);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("X-Relay-Environment")).contains("blue");
      assertThat(rig.admin().status().body().path("weights").path("green").asInt()).isZero();
      assertThat(rig.blue().counts().total()).isGreaterThanOrEqualTo(50);
    }
  }

  @Test
  void anExternalRigStartsNothingAndPointsAtTheGivenRelay() {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("relay.url", "http://127.0.0.1:9");
    try (GateRig rig = GateRig.external(new GateProperties("steady-state", p))) {
      assertThat(rig.external()).isTrue();
      assertThat(rig.relayUrl()).isEqualTo("http://127.0.0.1:9");
      assertThat(rig.directChatUrl()).isNull();
    }
  }
}
