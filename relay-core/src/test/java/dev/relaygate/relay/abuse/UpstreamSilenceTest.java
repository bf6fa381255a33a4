package dev.relaygate.relay.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.StreamingConfig;
import dev.relaygate.relay.config.UpstreamConfig;
import dev.relaygate.relay.metrics.Counts;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.support.ScriptedUpstream;
import dev.relaygate.relay.support.SseClient;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.time.RandomSource;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two timeouts with two meanings: {@code upstream.timeout_ms} bounds the wait for response headers,
 * {@code streaming.idle_timeout_ms} the silence inside a started answer (SSE or JSON). A cut answer is the
 * upstream's failure, never the client's cancel.
 */
@Tag("abuse")
final class UpstreamSilenceTest {

    private static final long IDLE_MS = 500;

    private static RelayServer relay(ScriptedUpstream upstream, UnaryOperator<RelayConfig> customize) {
        RelayConfig config = RelayFixture.baseConfig(upstream.baseUrl(), upstream.baseUrl())
                .withStreaming(new StreamingConfig(IDLE_MS))
                .withUpstream(new UpstreamConfig(1_000L, 5_000L, 0, 0L, 8, null));
        return RelayServer.start(customize.apply(config), Clock.system(), RandomSource.seeded(1));
    }

    @Test
    void aStreamWhoseUpstreamFallsSilentAfterItsFirstEventIsCutAndCountedAsAbortedUpstream() throws Exception {
        try (ScriptedUpstream upstream = ScriptedUpstream.start(request -> request.response()
                        .setChunked(true)
                        .putHeader("Content-Type", "text/event-stream")
                        .write("data: {\"first\":true}\n\n"));
                RelayServer relay = relay(upstream, c -> c)) {
            long start = System.nanoTime();
            SseClient.Result r =
                    SseClient.post(relay.baseUrl() + "/chat/completions", Http.chatBody("m", true), Map.of(), e -> {});
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.events()).hasSize(1);
            assertThat(r.error()).as("a cut stream must not look complete").isNotNull();
            assertThat(tookMs).as("cut after %d ms of silence", IDLE_MS).isBetween(IDLE_MS, 4_000L);
            Counts counts = awaitOutcome(relay);
            assertThat(counts.abortedStreams()).isEqualTo(1);
            assertThat(counts.clientCancelled()).isZero();
        }
    }

    @Test
    void aJsonAnswerThatStallsMidBodyIsCutLikeAStream() throws Exception {
        try (ScriptedUpstream upstream = ScriptedUpstream.start(request -> request.response()
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Content-Length", "1000")
                        .write("{\"id\":\"chatcmpl-1\",\"choices\":["));
                RelayServer relay = relay(upstream, c -> c)) {
            assertThatThrownBy(
                            () -> Http.post(relay.baseUrl() + "/chat/completions", Http.chatBody("m", false), Map.of()))
                    .as("a body cut short must not reach the client as complete")
                    .isInstanceOf(UncheckedIOException.class);
            Counts counts = awaitOutcome(relay);
            assertThat(counts.abortedStreams()).isEqualTo(1);
            assertThat(counts.clientCancelled()).isZero();
        }
    }

    @Test
    void theSilenceLimitDoesNotCapTheWaitForResponseHeaders() {
        String answer = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}";
        // Headers come three silence limits late, well inside upstream.timeout_ms (5 s).
        try (ScriptedUpstream upstream = ScriptedUpstream.start(request -> Vertx.currentContext()
                        .owner()
                        .setTimer(
                                3 * IDLE_MS,
                                id -> request.response()
                                        .putHeader("Content-Type", "application/json")
                                        .end(answer)));
                RelayServer relay = relay(upstream, c -> c)) {
            HttpResponse<String> r =
                    Http.post(relay.baseUrl() + "/chat/completions", Http.chatBody("m", false), Map.of());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(answer);
        }
    }

    @Test
    void anUpstreamHeldBackBecauseTheClientStoppedReadingIsNotSilent() {
        // Far more than socket buffers hold, written at once: the relay pauses reading the upstream while the
        // client (asleep for three silence limits after the first event) reads nothing.
        byte[] event = ("data: " + "x".repeat(1_000) + "\n\n").getBytes(StandardCharsets.UTF_8);
        int events = 20_000;
        try (ScriptedUpstream upstream = ScriptedUpstream.start(request -> {
                    HttpServerResponse response =
                            request.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
                    for (int i = 0; i < events; i++) {
                        response.write(Buffer.buffer(event));
                    }
                    response.end("data: [DONE]\n\n");
                });
                RelayServer relay = relay(upstream, c -> c)) {
            boolean[] slept = {false};
            SseClient.Result r =
                    SseClient.post(relay.baseUrl() + "/chat/completions", Http.chatBody("m", true), Map.of(), e -> {
                        if (!slept[0]) {
                            slept[0] = true;
                            sleepQuietly(3 * IDLE_MS);
                        }
                    });
            assertThat(r.error()).isNull();
            assertThat(r.sawDone()).isTrue();
            assertThat(r.events()).hasSize(events + 1);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exchange's outcome is recorded on the event loop right after the client saw the cut. */
    private static Counts awaitOutcome(RelayServer relay) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Counts c = relay.metrics().blue().counts();
        while (c.requests() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
            c = relay.metrics().blue().counts();
        }
        return c;
    }
}
