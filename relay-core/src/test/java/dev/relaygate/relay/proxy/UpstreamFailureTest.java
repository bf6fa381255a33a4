package dev.relaygate.relay.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.UpstreamConfig;
import dev.relaygate.relay.metrics.Counts;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.time.RandomSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class UpstreamFailureTest {

    private static WireMockServer upstream;
    private static RelayServer relay;

    @BeforeAll
    static void start() {
        upstream = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        upstream.start();
        String url = "http://127.0.0.1:" + upstream.port() + "/v1";
        relay = RelayServer.start(
                RelayFixture.baseConfig(url, url).withUpstream(new UpstreamConfig(1_000L, 5_000L, 2, 5L, 16, null)),
                Clock.system(),
                RandomSource.threadLocal());
    }

    @AfterAll
    static void stop() {
        relay.close();
        upstream.stop();
    }

    @BeforeEach
    void reset() {
        upstream.resetAll();
    }

    private static HttpResponse<String> chat() {
        return Http.post(relay.baseUrl() + "/chat/completions", Http.chatBody("m", false), Map.of());
    }

    @Test
    void a429IsPassedToTheClientWithItsRetryAfterAndNotRetried() {
        upstream.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "7")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\"}}")));
        HttpResponse<String> r = chat();
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(r.body()).contains("slow down");
        upstream.verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    }

    @Test
    void a503BeforeTheFirstByteIsRetriedAndTheClientSeesOnlyTheSuccess() {
        upstream.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        upstream.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
        Counts before = relay.metrics().blue().counts();
        HttpResponse<String> r = chat();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"ok\":true}");
        upstream.verify(2, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
        Counts after = relay.metrics().blue().counts();
        assertThat(after.requests() - before.requests()).isEqualTo(1);
        assertThat(after.status2xx() - before.status2xx()).isEqualTo(1);
    }

    @Test
    void a502ThatPersistsIsPassedOnAfterMaxRetries() {
        upstream.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withStatus(502).withBody("bad gateway upstream")));
        HttpResponse<String> r = chat();
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).isEqualTo("bad gateway upstream");
        upstream.verify(3, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    }

    @Test
    void aConnectionResetAfterTheRequestWasSentIsA502WithoutRetry() throws IOException {
        upstream.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        HttpResponse<String> r = chat();
        BadInputTest.assertOpenAiError(r, 502, "upstream_unreachable");
        upstream.verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    }

    @Test
    void anUnreachableUpstreamGets502AfterRetries() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/v1";
        RelayConfig config =
                RelayFixture.baseConfig(url, url).withUpstream(new UpstreamConfig(500L, 5_000L, 2, 5L, 4, null));
        try (RelayServer dead = RelayServer.start(config, Clock.system(), RandomSource.threadLocal())) {
            HttpResponse<String> r =
                    Http.post(dead.baseUrl() + "/chat/completions", Http.chatBody("m", false), Map.of());
            BadInputTest.assertOpenAiError(r, 502, "upstream_unreachable");
            assertThat(r.body()).contains("after 3 attempt(s)");
            assertThat(r.headers().firstValue("X-Request-ID")).isPresent();
            assertThat(dead.metrics().blue().counts().upstreamErrors()).isEqualTo(1);
        }
    }
}
