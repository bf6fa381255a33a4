package dev.relaygate.relay.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.config.EnvironmentConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.Secret;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.time.RandomSource;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.JksOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class HttpsUpstreamTest {

    private static RelayConfig config(String blueUrl, String greenUrl) {
        return RelayConfig.of(
                new EnvironmentConfig("blue", blueUrl, Secret.of("sk-tls-blue"), true),
                new EnvironmentConfig("green", greenUrl, Secret.of("sk-tls-green"), true),
                "admin");
    }

    @Test
    void relaysToAnHttpsUpstreamWithItsHostHeader() {
        WireMockServer upstream = new WireMockServer(
                wireMockConfig().dynamicHttpsPort().httpDisabled(true).bindAddress("127.0.0.1"));
        upstream.start();
        upstream.stubFor(get(urlEqualTo("/v1/models"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"object\":\"list\",\"data\":[]}")));
        String url = "https://localhost:" + upstream.httpsPort() + "/v1";
        try (RelayServer relay = RelayServer.start(config(url, url), Clock.system(), RandomSource.threadLocal())) {
            HttpResponse<String> response = Http.get(relay.baseUrl() + "/models", Map.of());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"object\":\"list\"");
            upstream.verify(getRequestedFor(urlEqualTo("/v1/models"))
                    .withHeader("Host", equalTo("localhost:" + upstream.httpsPort()))
                    .withHeader("Authorization", equalTo("Bearer sk-tls-blue")));
        } finally {
            upstream.stop();
        }
    }

    @Test
    void sendsTheBaseUrlsHostAsTlsServerNameIndication() throws Exception {
        Vertx vertx = Vertx.vertx();
        CompletableFuture<String> sni = new CompletableFuture<>();
        HttpServerOptions tls = new HttpServerOptions()
                .setSsl(true)
                .setSni(true)
                .setKeyCertOptions(new JksOptions().setValue(wireMockKeystore()).setPassword("password"));
        HttpServer server = vertx.createHttpServer(tls).requestHandler(req -> {
            sni.complete(req.connection().indicatedServerName());
            req.response().putHeader("Content-Type", "application/json").end("{\"data\":[]}");
        });
        int port = server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
        String url = "https://localhost:" + port + "/v1";
        try (RelayServer relay = RelayServer.start(config(url, url), Clock.system(), RandomSource.threadLocal())) {
            HttpResponse<String> response = Http.get(relay.baseUrl() + "/models", Map.of());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(sni.get(10, TimeUnit.SECONDS)).isEqualTo("localhost");
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    /** WireMock ships a self-signed keystore for its HTTPS port; reuse it for a Vert.x TLS server. */
    private static Buffer wireMockKeystore() throws IOException {
        try (InputStream in = WireMockServer.class.getClassLoader().getResourceAsStream("keystore")) {
            return Buffer.buffer(in.readAllBytes());
        }
    }
}
