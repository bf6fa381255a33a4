package dev.relaygate.mock;

import static dev.relaygate.mock.MockClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class ConcurrentStreamsTest {

    private static final String KEY = "sk-test-load";
    private static final int STREAMS = 200;

    @Test
    void twoHundredConcurrentStreamsAllCompleteInOrder() throws Exception {
        // 10 events 50 ms apart: each stream lasts >= 0.5 s, so all 200 overlap.
        ProfileSettings profile = ProfileSettings.healthy()
                .withTimeToFirstEventMs(50)
                .withGapBetweenEventsMs(50)
                .withTokensPerAnswer(8);
        try (MockUpstream mock = MockUpstream.start(MockSettings.of("load", KEY).withProfile(profile))) {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < STREAMS; i++) {
                calls.add(MockClient.HTTP.sendAsync(
                        MockClient.chatRequest(mock, KEY, body("stream " + i, true, true))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> r = call.join();
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).endsWith("data: [DONE]\n\n");
                for (int seq = 1; seq <= 10; seq++) {
                    assertThat(r.body()).contains("\"relaygate_seq\":" + seq + ",\"relaygate_total\":10}");
                }
            }
            // Served concurrently, not one after another (sequentially 200 x 0.5 s = 100 s).
            assertThat(tookMs).isLessThan(30_000);
            ProfilesTest.awaitCount(() -> mock.counts().streams() == STREAMS);
        }
    }
}
