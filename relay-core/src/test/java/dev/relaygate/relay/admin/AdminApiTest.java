package dev.relaygate.relay.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.relay.rollout.ManualChange;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class AdminApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RelayFixture f;

    @BeforeAll
    static void start() {
        f = RelayFixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void allBlue() {
        f.relay.policyStore().setGreenWeight(0, "test reset");
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void statusShowsPolicyWeightsCountsAndPercentilesWithKeysRedacted() throws IOException {
        for (int i = 0; i < 5; i++) {
            Http.post(f.relay.baseUrl() + "/chat/completions", Http.chatBody("m", false), Map.of());
        }
        HttpResponse<String> r = Http.get(f.url("/admin/status"), RelayFixture.admin());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode status = json(r);
        assertThat(status.at("/policy/strategy").asText()).isEqualTo("weighted");
        assertThat(status.at("/weights/blue").asInt()).isEqualTo(100);
        assertThat(status.at("/environments/blue/name").asText()).isEqualTo("blue-provider");
        assertThat(status.at("/environments/blue/counts/requests").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(status.at("/environments/blue/latency_ms/p50").asDouble()).isPositive();
        assertThat(status.at("/environments/blue/latency_ms/p99").asDouble())
                .isGreaterThanOrEqualTo(
                        status.at("/environments/blue/latency_ms/p50").asDouble());
        assertThat(status.at("/environments/green/api_key").asText()).isEqualTo("[redacted]");
        assertThat(r.body()).doesNotContain("sk-blue-upstream", "sk-green-upstream", RelayFixture.ADMIN_TOKEN);
    }

    @Test
    void trafficShiftChangesTheSplitForNewRequests() throws IOException {
        HttpResponse<String> r =
                Http.post(f.url("/admin/traffic-shift"), "{\"blue\": 0, \"green\": 100}", RelayFixture.admin());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).at("/policy/green_weight").asInt()).isEqualTo(100);
        assertThat(json(r).at("/policy/changed_by").asText()).isEqualTo(ManualChange.TRAFFIC_SHIFT.changedBy());
        HttpResponse<String> next = Http.get(f.relay.baseUrl() + "/models", Map.of());
        assertThat(next.headers().firstValue("X-Relay-Environment")).hasValue("green");
    }

    @Test
    void rollbackSendsEveryRequestThatStartsAfterItReturnsToBlue() throws IOException {
        f.relay.policyStore().setGreenWeight(100, "test");
        HttpResponse<String> r = Http.post(f.url("/admin/rollback"), "", RelayFixture.admin());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).at("/policy/green_weight").asInt()).isZero();
        for (int i = 0; i < 20; i++) {
            assertThat(Http.get(f.relay.baseUrl() + "/models", Map.of())
                            .headers()
                            .firstValue("X-Relay-Environment"))
                    .hasValue("blue");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"blue\": 90, \"green\": 20}|blue + green must be 100, but was 90 + 20 = 110",
                "{\"green\": 140}|green must be in [0,100], but was 140",
                "{\"blue\": \"lots\"}|blue must be a whole number, but was \"lots\"",
                "{\"blu\": 90}|blu must be a known field",
                "{}|blue and green must be given",
                "[90, 10]|request body must be a JSON object",
                "{nope|request body is not valid JSON"
            })
    void aBadTrafficShiftIsRejectedNamingTheFieldAndLeavesThePolicyAlone(String body, String message)
            throws IOException {
        long version = f.relay.policyStore().current().version();
        HttpResponse<String> r = Http.post(f.url("/admin/traffic-shift"), body, RelayFixture.admin());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/message").asText()).contains(message);
        assertThat(f.relay.policyStore().current().version()).isEqualTo(version);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET,/admin/status", "POST,/admin/traffic-shift", "POST,/admin/rollback"})
    void adminPathsNeedTheAdminToken(String method, String path) throws IOException {
        HttpResponse<String> none = Http.send(method, f.url(path), "{}", Map.of());
        HttpResponse<String> wrong = Http.send(method, f.url(path), "{}", Map.of("Authorization", "Bearer nope"));
        for (HttpResponse<String> r : java.util.List.of(none, wrong)) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(json(r).at("/error/code").asText()).isEqualTo("invalid_api_key");
        }
        assertThat(f.relay.policyStore().current().greenWeight()).isZero();
    }

    @Test
    void aWrongMethodOnAControlPathIs405() throws IOException {
        HttpResponse<String> r = Http.send("DELETE", f.url("/admin/status"), null, RelayFixture.admin());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void metricsArePrometheusTextAndHealthzAnswersOk() {
        Http.post(f.relay.baseUrl() + "/chat/completions", Http.chatBody("m", false), Map.of());
        HttpResponse<String> metrics = Http.get(f.url("/metrics"), Map.of());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> v.startsWith("text/plain"));
        assertThat(metrics.body())
                .contains("# TYPE relaygate_requests_total counter")
                .containsPattern("relaygate_requests_total\\{environment=\"blue\"} [1-9]\\d*")
                .containsPattern(
                        "relaygate_request_latency_seconds\\{environment=\"blue\",quantile=\"0.99\"} \\d+\\.\\d+")
                .contains("relaygate_routing_weight{environment=\"green\"} 0");
        HttpResponse<String> health = Http.get(f.url("/healthz"), Map.of());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    }
}
