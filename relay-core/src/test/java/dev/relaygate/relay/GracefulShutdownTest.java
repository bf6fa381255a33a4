package dev.relaygate.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaygate.mock.ProfileSettings;
import dev.relaygate.relay.config.ServerConfig;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.support.SseClient;
import dev.relaygate.relay.time.RandomSource;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class GracefulShutdownTest {

    @Test
    void closingDrainsAnInFlightStreamAndThenStopsAccepting() throws Exception {
        try (RelayFixture f = RelayFixture.start(
                c -> c.withServer(new ServerConfig("127.0.0.1", 0, 8_000L, 2)), RandomSource.threadLocal())) {
            f.blue.switchProfile(ProfileSettings.healthy()
                    .withGapBetweenEventsMs(100)
                    .withTimeToFirstEventMs(100)
                    .withTokensPerAnswer(10));
            CountDownLatch firstEvent = new CountDownLatch(1);
            CompletableFuture<SseClient.Result> stream = SseClient.postAsync(
                    f.relay.baseUrl() + "/chat/completions",
                    Http.chatBody("m", true, 64),
                    Map.of(),
                    e -> firstEvent.countDown());
            assertThat(firstEvent.await(20, TimeUnit.SECONDS)).isTrue();
            String baseUrl = f.relay.baseUrl();

            long start = System.nanoTime();
            f.relay.close();
            long closeMs = (System.nanoTime() - start) / 1_000_000;

            SseClient.Result r = stream.get(20, TimeUnit.SECONDS);
            assertThat(r.error()).isNull();
            assertThat(r.completeAndInOrder()).isTrue();
            assertThat(r.sawDone()).isTrue();
            assertThat(closeMs)
                    .as("close waited for the stream, not the whole drain timeout")
                    .isLessThan(8_000);
            assertThatThrownBy(() -> Http.get(baseUrl + "/models", Map.of())).isInstanceOf(UncheckedIOException.class);
        }
    }
}
