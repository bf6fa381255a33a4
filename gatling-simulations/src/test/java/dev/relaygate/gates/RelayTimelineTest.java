package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class RelayTimelineTest {

    private final Vertx vertx = Vertx.vertx();
    private HttpServer server;

    @BeforeEach
    void startAStatusEndpoint() throws Exception {
        server = vertx.createHttpServer()
                .requestHandler(req -> req.response()
                        .putHeader("Content-Type", "application/json")
                        .end("{\"weights\":{\"blue\":90,\"green\":10},\"rollout\":{\"phase\":\"CANARY\"}}"))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSecondWithoutGreenTrafficHasNoGreenErrorRateRatherThanAReassuringZero() {
        OutcomeCounters counters = new OutcomeCounters();
        RelayTimeline timeline =
                new RelayTimeline(new AdminClient("http://127.0.0.1:" + server.actualPort(), "t"), counters);
        counters.record("blue", false);

        Map<String, Object> quiet = timeline.apply(1_000);

        assertThat(quiet)
                .doesNotContainKey("green_error_rate")
                .containsEntry("green_weight", 10)
                .containsEntry("phase", "CANARY")
                .containsEntry("requests", 1L);

        counters.record("green", true);
        counters.record("green", false);
        Map<String, Object> busy = timeline.apply(2_000);

        assertThat(busy).containsEntry("green_error_rate", 0.5).containsEntry("green_share", 1.0);
    }
}
