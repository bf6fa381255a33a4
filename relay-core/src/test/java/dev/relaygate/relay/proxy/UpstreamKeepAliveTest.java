package dev.relaygate.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.UpstreamConfig;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.time.RandomSource;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * upstream.keep_alive_timeout_seconds: the relay closes an idle pooled connection itself, so an upstream
 * with a longer idle timeout never closes one under the relay's next request (that request would fail
 * after it was sent, which cannot be retried safely).
 */
final class UpstreamKeepAliveTest {

    private static final String ANSWER = "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}";

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger connections = new AtomicInteger();
    private HttpServer upstream;

    @BeforeEach
    void startUpstream() throws Exception {
        upstream = vertx.createHttpServer()
                .connectionHandler(c -> connections.incrementAndGet())
                .requestHandler(req -> req.body()
                        .onSuccess(b -> req.response()
                                .putHeader("Content-Type", "application/json")
                                .end(ANSWER)))
                .listen(0, "127.0.0.1")
                .await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /** Two requests {@code gapMs} apart through a relay with the given keep-alive; the connections upstream saw. */
    private int connectionsFor(Integer keepAliveSeconds, long gapMs) throws InterruptedException {
        String url = "http://127.0.0.1:" + upstream.actualPort() + "/v1";
        RelayConfig config = RelayFixture.baseConfig(url, url)
                .withUpstream(new UpstreamConfig(null, null, null, null, null, keepAliveSeconds));
        try (RelayServer relay = RelayServer.start(config, Clock.system(), RandomSource.threadLocal())) {
            int before = connections.get();
            assertThat(Http.post(relay.baseUrl() + "/chat/completions", Http.chatBody("m", false), Map.of())
                            .statusCode())
                    .isEqualTo(200);
            Thread.sleep(gapMs);
            assertThat(Http.post(relay.baseUrl() + "/chat/completions", Http.chatBody("m", false), Map.of())
                            .statusCode())
                    .isEqualTo(200);
            return connections.get() - before;
        }
    }

    @Test
    void anIdleConnectionPastTheKeepAliveIsClosedByTheRelayAndTheNextRequestOpensANewOne() throws Exception {
        assertThat(connectionsFor(1, 3_000)).isEqualTo(2);
    }

    @Test
    void withinTheKeepAliveTheConnectionIsReused() throws Exception {
        assertThat(connectionsFor(60, 3_000)).isEqualTo(1);
    }
}
