package dev.relaygate.relay.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.config.EnvironmentConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.time.RandomSource;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("abuse")
final class HeaderForwardingTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static WireMockServer upstream;
    private static RelayServer relay;

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        upstream.start();
        String prefixed = "http://127.0.0.1:" + upstream.port() + "/openai/v1";
        RelayConfig config = RelayConfig.of(
                        EnvironmentConfig.of("blue", prefixed, "sk-upstream-blue"),
                        EnvironmentConfig.of("green", prefixed + "/", "sk-upstream-green"),
                        "admin")
                .withModels(Map.of("fast", "gpt-4.1-mini"));
        relay = RelayServer.start(config, Clock.system(), RandomSource.threadLocal());
    }

    @AfterAll
    static void stop() {
        relay.close();
        upstream.stop();
    }

    @BeforeEach
    void stubs() {
        upstream.resetAll();
        upstream.stubFor(post(urlPathEqualTo("/openai/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("X-Upstream", "yes")
                        .withBody("{\"id\":\"x\"}")));
        upstream.stubFor(get(urlPathEqualTo("/openai/v1/files/abc/content"))
                .willReturn(aResponse().withStatus(200).withBody("file-bytes")));
    }

    @Test
    void replacesCredentialsKeepsTheBaseUrlPrefixAndForwardsIdsAndTraceContext() {
        HttpResponse<String> response = Http.post(
                relay.baseUrl() + "/chat/completions?api-version=1",
                Http.chatBody("gpt-4.1", false),
                Map.of(
                        "Authorization",
                        "Bearer sk-client-own-key",
                        "X-Request-ID",
                        "client-req-42",
                        "traceparent",
                        TRACEPARENT,
                        "X-Route-Policy",
                        "green"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":\"x\"}");
        assertThat(response.headers().firstValue("X-Relay-Environment")).hasValue("green");
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("client-req-42");
        assertThat(response.headers().firstValue("X-Upstream")).hasValue("yes");
        upstream.verify(
                1,
                postRequestedFor(urlEqualTo("/openai/v1/chat/completions?api-version=1"))
                        .withHeader("Authorization", equalTo("Bearer sk-upstream-green"))
                        .withHeader("X-Request-ID", equalTo("client-req-42"))
                        .withHeader("traceparent", equalTo(TRACEPARENT))
                        .withHeader("Host", equalTo("127.0.0.1:" + upstream.port()))
                        .withHeader("X-Route-Policy", absent())
                        .withRequestBody(equalToJson(Http.chatBody("gpt-4.1", false))));
    }

    @Test
    void mintsARequestIdWhenTheClientSentNoneAndSendsTheSameOneUpstream() {
        HttpResponse<String> response =
                Http.post(relay.baseUrl() + "/chat/completions", Http.chatBody("gpt-4.1", false), Map.of());
        String minted = response.headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(minted).matches("[0-9a-f]{32}");
        assertThat(response.headers().firstValue("X-Relay-Environment")).hasValue("blue");
        upstream.verify(postRequestedFor(urlPathEqualTo("/openai/v1/chat/completions"))
                .withHeader("X-Request-ID", equalTo(minted))
                .withHeader("Authorization", equalTo("Bearer sk-upstream-blue")));
    }

    @Test
    void rewritesAModelAliasToTheUpstreamName() {
        Http.post(relay.baseUrl() + "/chat/completions", Http.chatBody("fast", false), Map.of());
        upstream.verify(postRequestedFor(urlPathEqualTo("/openai/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1-mini"))));
    }

    @Test
    void passesOtherV1PathsThroughUnchanged() {
        HttpResponse<String> response = Http.get(relay.baseUrl() + "/files/abc/content", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("file-bytes");
        upstream.verify(getRequestedFor(urlEqualTo("/openai/v1/files/abc/content")));
    }

    @Test
    void neverForwardsCookiesClientCredentialsOriginClaimsOrTheRelaysOwnHeadersUpstream() {
        HttpResponse<String> response = Http.post(
                relay.baseUrl() + "/chat/completions",
                Http.chatBody("gpt-4.1", false),
                Map.ofEntries(
                        Map.entry("Cookie", "session=client-session"),
                        Map.entry("api-key", "azure-style-client-key"),
                        Map.entry("x-api-key", "anthropic-style-client-key"),
                        Map.entry("x-goog-api-key", "gemini-style-client-key"),
                        Map.entry("X-Forwarded-For", "203.0.113.7"),
                        Map.entry("X-Forwarded-Host", "evil.example"),
                        Map.entry("X-Real-IP", "203.0.113.7"),
                        Map.entry("X-Relay-Environment", "green"),
                        Map.entry("X-Relay-Anything", "x"),
                        Map.entry("OpenAI-Beta", "assistants=v2"),
                        Map.entry("anthropic-version", "2023-06-01"),
                        Map.entry("X-Custom-Tag", "kept")));

        assertThat(response.statusCode()).isEqualTo(200);
        upstream.verify(
                1,
                postRequestedFor(urlPathEqualTo("/openai/v1/chat/completions"))
                        .withHeader("Cookie", absent())
                        .withHeader("api-key", absent())
                        .withHeader("x-api-key", absent())
                        .withHeader("x-goog-api-key", absent())
                        .withHeader("X-Forwarded-For", absent())
                        .withHeader("X-Forwarded-Host", absent())
                        .withHeader("X-Real-IP", absent())
                        .withHeader("X-Relay-Environment", absent())
                        .withHeader("X-Relay-Anything", absent())
                        .withHeader("Authorization", equalTo("Bearer sk-upstream-blue"))
                        .withHeader("OpenAI-Beta", equalTo("assistants=v2"))
                        .withHeader("anthropic-version", equalTo("2023-06-01"))
                        .withHeader("X-Custom-Tag", equalTo("kept")));
        String logged =
                upstream.getAllServeEvents().get(0).getRequest().getHeaders().toString();
        assertThat(logged).doesNotContain("client-key").doesNotContain("client-session");
    }

    @Test
    void neverPassesCookiesServerInternalsOrASpoofedRelayHeaderToTheClient() {
        upstream.stubFor(post(urlPathEqualTo("/openai/v1/embeddings"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Set-Cookie", "upstream-session=secret; HttpOnly")
                        .withHeader("Server", "internal-gateway/1.2")
                        .withHeader("X-Powered-By", "framework")
                        .withHeader("X-Relay-Environment", "green")
                        .withHeader("OpenAI-Processing-Ms", "12")
                        .withBody("{\"data\":[]}")));

        HttpResponse<String> response = Http.post(
                relay.baseUrl() + "/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"x\"}", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().map().keySet())
                .map(String::toLowerCase)
                .doesNotContain("set-cookie", "server", "x-powered-by", "matched-stub-id", "matched-stub-name");
        assertThat(response.headers().allValues("X-Relay-Environment")).containsExactly("blue");
        assertThat(response.headers().firstValue("OpenAI-Processing-Ms")).hasValue("12");
    }
}
