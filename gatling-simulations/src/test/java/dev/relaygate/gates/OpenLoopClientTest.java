package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class OpenLoopClientTest {

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final java.util.Queue<io.vertx.core.MultiMap> headersSeen =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private HttpServer server;
    private volatile int delayMs;

    @BeforeEach
    void startServer() throws Exception {
        server = vertx.createHttpServer()
                .requestHandler(req -> req.body().onSuccess(b -> {
                    headersSeen.add(req.headers());
                    served.incrementAndGet();
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    if (delayMs == 0) {
                        inFlight.decrementAndGet();
                        req.response().end("{}");
                    } else {
                        vertx.setTimer(delayMs, id -> {
                            inFlight.decrementAndGet();
                            req.response().end("{}");
                        });
                    }
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anOpenLoopBlockSendsRateTimesDurationRequestsAndRecordsEachOne() {
        LatencyRecorder latency = new LatencyRecorder();
        try (OpenLoopClient client = new OpenLoopClient(8, "{}")) {
            OpenLoopClient.BlockResult r = client.openLoop(target(), 200, Duration.ofSeconds(1), latency);

            assertThat(r.sent()).isEqualTo(200);
            assertThat(r.completed()).isEqualTo(200);
            assertThat(r.failed()).isZero();
        }
        assertThat(latency.count()).isEqualTo(200);
        assertThat(served.get()).isEqualTo(200);
    }

    @Test
    void latencyIncludesTheServersDelay() {
        delayMs = 20;
        LatencyRecorder latency = new LatencyRecorder();
        try (OpenLoopClient client = new OpenLoopClient(8, "{}")) {
            client.openLoop(target(), 50, Duration.ofMillis(500), latency);
        }

        assertThat(latency.percentilesMs().get("p50")).isGreaterThanOrEqualTo(20.0);
    }

    @Test
    void aClosedLoopKeepsExactlyItsConcurrencyInFlightAndEveryAnswerIsCounted() {
        delayMs = 20;
        OpenLoopClient.BlockResult r;
        try (OpenLoopClient client = new OpenLoopClient(8, "{}")) {
            r = client.closedLoop(target(), 4, Duration.ofMillis(500));
        }

        // each of the 4 slots waits 20 ms per answer, so 500 ms allow at most 4 x (500 / 20 + 1) answers
        assertThat(mostInFlight.get()).isEqualTo(4);
        assertThat(r.failed()).isZero();
        assertThat(r.completed())
                .isPositive()
                .isLessThanOrEqualTo(4 * (500 / 20 + 1))
                .isEqualTo(served.get());
    }

    @Test
    void aServerThatIsDownCountsAsFailuresNotLatency() throws Exception {
        int port = server.actualPort();
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        LatencyRecorder latency = new LatencyRecorder();
        try (OpenLoopClient client = new OpenLoopClient(8, "{}")) {
            OpenLoopClient.BlockResult r = client.openLoop(
                    new OpenLoopClient.Target("down", "http://127.0.0.1:" + port + "/v1/chat/completions", "k"),
                    20,
                    Duration.ofMillis(500),
                    latency);

            assertThat(r.failed()).isEqualTo(10);
        }
        assertThat(latency.count()).isZero();
    }

    @Test
    void everyRequestCarriesTheRelaysOwnHeadersBesideTheBearerKey() {
        OpenLoopClient.Target target = new OpenLoopClient.Target(
                "portkey-like",
                "http://127.0.0.1:" + server.actualPort() + "/v1/chat/completions",
                "sk-test",
                java.util.Map.of("x-portkey-config", "{\"strategy\":{\"mode\":\"loadbalance\"}}", "X-Team", "gates"));
        try (OpenLoopClient client = new OpenLoopClient(4, "{}")) {
            client.closedLoop(target, 2, Duration.ofMillis(200));
        }

        assertThat(headersSeen).isNotEmpty().allSatisfy(h -> {
            assertThat(h.get("x-portkey-config")).isEqualTo("{\"strategy\":{\"mode\":\"loadbalance\"}}");
            assertThat(h.get("X-Team")).isEqualTo("gates");
            assertThat(h.get("Authorization")).isEqualTo("Bearer sk-test");
        });
    }

    private OpenLoopClient.Target target() {
        return new OpenLoopClient.Target(
                "test", "http://127.0.0.1:" + server.actualPort() + "/v1/chat/completions", "sk-test");
    }
}
