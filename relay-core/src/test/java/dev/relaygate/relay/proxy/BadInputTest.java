package dev.relaygate.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import dev.relaygate.relay.config.LimitsConfig;
import dev.relaygate.relay.config.Secret;
import dev.relaygate.relay.config.UpstreamConfig;
import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.time.RandomSource;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class BadInputTest {

    private static final String CLIENT_KEY = "sk-client-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static RelayFixture f;

    @BeforeAll
    static void start() {
        f = RelayFixture.start(
                c -> c.withClientKeys(List.of(Secret.of(CLIENT_KEY)))
                        .withLimits(new LimitsConfig(4_096L))
                        .withUpstream(new UpstreamConfig(1_000L, 600L, 1, 10L, 16, null)),
                RandomSource.threadLocal());
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static JsonNode assertOpenAiError(HttpResponse<String> r, int status, String code) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error).as(r.body()).isNotNull();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").asText()).isNotBlank();
        assertThat(error.has("param")).isTrue();
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(r.body()).doesNotContain(CLIENT_KEY, "sk-blue-upstream", "sk-green-upstream");
        return error;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "unknown path|GET|/nope|key|-|-|404|unknown_url|-",
                "wrong method on chat|GET|/v1/chat/completions|key|-|-|405|method_not_allowed|-",
                "wrong method on models|POST|/v1/models|key|{}|-|405|method_not_allowed|-",
                "missing client key|POST|/v1/chat/completions|-|CHAT|-|401|invalid_api_key|-",
                "wrong client key|POST|/v1/chat/completions|sk-client-2|CHAT|-|401|invalid_api_key|-",
                "malformed JSON|POST|/v1/chat/completions|key|{not json|-|400|invalid_json|-",
                "body not an object|POST|/v1/embeddings|key|[1,2]|-|400|invalid_json|-",
                "model not a string|POST|/v1/completions|key|{\"model\":7}|-|400|invalid_json|model",
                "unknown route override|GET|/v1/models|key|-|red|400|invalid_route_policy|X-Route-Policy",
                "body over max_body_bytes|POST|/v1/chat/completions|key|HUGE|-|413|body_too_large|-"
            })
    void everyBadInputGetsItsStatusInTheOpenAiErrorShape(
            String name,
            String method,
            String path,
            String key,
            String body,
            String routePolicy,
            int status,
            String code,
            String param)
            throws IOException {
        Map<String, String> headers = new HashMap<>();
        if (key != null) {
            headers.put("Authorization", "Bearer " + (key.equals("key") ? CLIENT_KEY : key));
        }
        if (routePolicy != null) {
            headers.put("X-Route-Policy", routePolicy);
        }
        String payload = body == null
                ? null
                : switch (body) {
                    case "CHAT" -> Http.chatBody("m", false);
                    case "HUGE" -> "{\"model\":\"m\",\"input\":\"" + "x".repeat(5_000) + "\"}";
                    default -> body;
                };
        long rejectedBefore = f.relay.metrics().rejected();
        long environmentErrorsBefore = f.relay.metrics().blue().counts().errors(true)
                + f.relay.metrics().green().counts().errors(true);
        HttpResponse<String> r = Http.send(method, f.url(path), payload, headers);
        JsonNode error = assertOpenAiError(r, status, code);
        if (param != null) {
            assertThat(error.get("param").asText()).isEqualTo(param);
        }
        assertThat(r.headers().firstValue("X-Request-ID")).isPresent();
        if (path.startsWith("/v1")) {
            assertThat(f.relay.metrics().rejected()).isEqualTo(rejectedBefore + 1);
        }
        assertThat(f.relay.metrics().blue().counts().errors(true)
                        + f.relay.metrics().green().counts().errors(true))
                .as("client-caused errors never count against an environment")
                .isEqualTo(environmentErrorsBefore);
    }

    @Test
    void anUpstreamThatSendsNoHeadersInTimeGets504WithinTheTimeout() throws IOException {
        f.green.switchProfile(ProfileSettings.of(Profile.SLOW).withAddedLatencyMs(5_000));
        long timeoutsBefore =
                f.relay.metrics().overridden(Environment.GREEN).counts().timeouts();
        try {
            long start = System.nanoTime();
            HttpResponse<String> r = Http.post(
                    f.relay.baseUrl() + "/chat/completions",
                    Http.chatBody("m", false),
                    Map.of("Authorization", "Bearer " + CLIENT_KEY, "X-Route-Policy", "green"));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertOpenAiError(r, 504, "upstream_timeout");
            assertThat(r.headers().firstValue("X-Request-ID")).isPresent();
            assertThat(tookMs)
                    .as("client waited %d ms with a 600 ms timeout", tookMs)
                    .isLessThan(4_000);
            assertThat(f.relay.metrics().overridden(Environment.GREEN).counts().timeouts())
                    .isEqualTo(timeoutsBefore + 1);
            assertThat(f.relay.metrics().green().counts().requests())
                    .as("a forced request is no canary sample")
                    .isZero();
        } finally {
            f.green.switchProfile(ProfileSettings.healthy());
        }
    }
}
