package dev.relaygate.mock;

import static dev.relaygate.mock.MockClient.body;
import static dev.relaygate.mock.MockClient.chat;
import static dev.relaygate.mock.MockClient.json;
import static dev.relaygate.mock.MockClient.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class SwitchingTest {

    private static final String KEY = "sk-test-switch";
    private static MockUpstream mock;

    @BeforeAll
    static void start() {
        mock = MockUpstream.start(MockSettings.of("switch", KEY));
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void healthy() {
        mock.switchProfile(ProfileSettings.healthy());
    }

    private static HttpResponse<String> admin(String method, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(mock.profileAdminUrl()));
        b = "GET".equals(method) ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        return send(b.header("Content-Type", "application/json").build());
    }

    @Test
    void anAdminCallSwitchesTheNextRequestAndReportsTheInstant() {
        assertThat(chat(mock, KEY, body("before", false, false)).statusCode()).isEqualTo(200);
        long before = System.currentTimeMillis();

        HttpResponse<String> switched = admin("POST", "{\"profile\":\"unauthorized\"}");

        assertThat(switched.statusCode()).isEqualTo(200);
        JsonNode state = json(switched.body());
        assertThat(state.path("profile").asText()).isEqualTo("unauthorized");
        assertThat(state.path("switched_at_ms").asLong()).isGreaterThanOrEqualTo(before);
        assertThat(chat(mock, KEY, body("after", false, false)).statusCode()).isEqualTo(401);
        assertThat(mock.profile().profile()).isEqualTo(Profile.UNAUTHORIZED);
    }

    @Test
    void anAdminCallMergesParametersOverTheCurrentProfile() {
        HttpResponse<String> r =
                admin("POST", "{\"profile\":\"flaky\",\"error_percent\":100,\"seed\":9,\"tokens_per_answer\":12}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(mock.profile())
                .isEqualTo(ProfileSettings.healthy()
                        .withProfile(Profile.FLAKY)
                        .withErrorPercent(100)
                        .withSeed(9)
                        .withTokensPerAnswer(12));
        assertThat(chat(mock, KEY, body("x", false, false)).statusCode()).isIn(429, 500, 503);
        assertThat(json(admin("GET", null).body()).path("error_percent").asDouble())
                .isEqualTo(100.0);
    }

    @Test
    void theJavaApiSwitchesTheNextRequest() {
        mock.switchProfile(ProfileSettings.healthy().withProfile(Profile.UNAUTHORIZED));
        assertThat(chat(mock, KEY, body("a", false, false)).statusCode()).isEqualTo(401);

        mock.switchProfile(ProfileSettings.healthy());
        assertThat(chat(mock, KEY, body("b", false, false)).statusCode()).isEqualTo(200);
        assertThat(json(admin("GET", null).body()).path("profile").asText()).isEqualTo("healthy");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"error_percent\":140}|error_percent must be in [0,100], but was 140.0",
                "{\"profile\":\"sleepy\"}|profile must be one of healthy",
                "{\"tokens_per_answer\":0}|tokens_per_answer must be in [1,100000], but was 0",
                "{\"added_latency_ms\":\"slow\"}|added_latency_ms must be an integer, but was \"slow\"",
                "{\"colour\":1}|field must be one of",
                "not json|body must be a JSON object"
            })
    void anInvalidAdminChangeIsRejectedWithItsReasonAndChangesNothing(String requestBody, String message) {
        HttpResponse<String> r = admin("POST", requestBody);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r.body()).path("error").path("message").asText()).contains(message);
        assertThat(mock.profile()).isEqualTo(ProfileSettings.healthy());
    }
}
