package dev.relaygate.relay.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.StreamingConfig;
import dev.relaygate.relay.config.UpstreamConfig;
import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.support.ScriptedUpstream;
import dev.relaygate.relay.support.SseClient;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.time.RandomSource;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * When every pooled connection to an upstream is busy, a request waits in a bounded queue; past the queue, or
 * when its timeout ends while it still waits, it gets 503 naming the relay's pool with {@code Retry-After},
 * counted apart from upstream timeouts (the upstream never saw it).
 */
@Tag("abuse")
final class PoolExhaustionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long HOLD_MS = 3_000;

    /** A stream request holds its connection for {@link #HOLD_MS}; any other request is answered at once. */
    private static void script(HttpServerRequest request) {
        if ("hold".equals(request.getHeader("X-Scenario"))) {
            var response = request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            response.write("data: {\"held\":true}\n\n");
            Vertx.currentContext().owner().setTimer(HOLD_MS, id -> response.end("data: [DONE]\n\n"));
        } else {
            request.response().putHeader("Content-Type", "application/json").end("{\"id\":\"chatcmpl-1\"}");
        }
    }

    private static RelayServer relay(ScriptedUpstream upstream, int waitQueue) {
        RelayConfig config = RelayFixture.baseConfig(upstream.baseUrl(), upstream.baseUrl())
                .withStreaming(new StreamingConfig(60_000L))
                .withUpstream(new UpstreamConfig(200L, 1_000L, 0, 0L, 1, null, waitQueue));
        return RelayServer.start(config, Clock.system(), RandomSource.seeded(1));
    }

    /** Starts a stream that holds the only pooled connection; returns once its first event arrived. */
    private static CompletableFuture<SseClient.Result> holdTheOnlyConnection(RelayServer relay)
            throws InterruptedException {
        CountDownLatch firstEvent = new CountDownLatch(1);
        CompletableFuture<SseClient.Result> stream = SseClient.postAsync(
                relay.baseUrl() + "/chat/completions",
                Http.chatBody("m", true),
                Map.of("X-Scenario", "hold"),
                e -> firstEvent.countDown());
        assertThat(firstEvent.await(10, TimeUnit.SECONDS)).isTrue();
        return stream;
    }

    @Test
    void pastAFullWaitQueueARequestGets503NamingTheRelaysPoolAtOnce() throws Exception {
        try (ScriptedUpstream upstream = ScriptedUpstream.start(PoolExhaustionTest::script);
                RelayServer relay = relay(upstream, 0)) {
            CompletableFuture<SseClient.Result> held = holdTheOnlyConnection(relay);

            long start = System.nanoTime();
            HttpResponse<String> r =
                    Http.post(relay.baseUrl() + "/chat/completions", Http.chatBody("m", false), Map.of());
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertPoolExhausted(r, "wait queue is full");
            assertThat(tookMs).as("refused without waiting").isLessThan(HOLD_MS / 2);
            assertThat(upstream.received()).as("the upstream never saw it").isEqualTo(1);
            assertThat(relay.metrics().poolExhausted(Environment.BLUE)).isEqualTo(1);
            assertThat(relay.metrics().blue().counts().timeouts()).isZero();
            assertThat(held.get(10, TimeUnit.SECONDS).sawDone()).isTrue();
        }
    }

    @Test
    void aRequestStillWaitingForAConnectionWhenItsTimeoutEndsGets503Not504() throws Exception {
        try (ScriptedUpstream upstream = ScriptedUpstream.start(PoolExhaustionTest::script);
                RelayServer relay = relay(upstream, 4)) {
            CompletableFuture<SseClient.Result> held = holdTheOnlyConnection(relay);

            HttpResponse<String> r =
                    Http.post(relay.baseUrl() + "/chat/completions", Http.chatBody("m", false), Map.of());

            assertPoolExhausted(r, "no connection was free within upstream.timeout_ms");
            assertThat(relay.metrics().poolExhausted(Environment.BLUE)).isEqualTo(1);
            assertThat(relay.metrics().blue().counts().timeouts())
                    .as("not the upstream's timeout")
                    .isZero();
            assertThat(held.get(10, TimeUnit.SECONDS).sawDone()).isTrue();
            // Once the stream gave its connection back, requests flow again.
            assertThat(Http.post(relay.baseUrl() + "/chat/completions", Http.chatBody("m", false), Map.of())
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    private static void assertPoolExhausted(HttpResponse<String> r, String why) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).contains("1");
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("relay_pool_exhausted");
        assertThat(error.path("type").asText()).isEqualTo("server_error");
        assertThat(error.path("message").asText())
                .contains("relay's connection pool to upstream blue is full")
                .contains("upstream.pool_size 1")
                .contains(why);
    }
}
