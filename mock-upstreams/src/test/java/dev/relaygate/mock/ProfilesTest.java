package dev.relaygate.mock;

import static dev.relaygate.mock.MockClient.body;
import static dev.relaygate.mock.MockClient.chat;
import static dev.relaygate.mock.MockClient.json;
import static dev.relaygate.mock.MockClient.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class ProfilesTest {

    private static final String KEY = "sk-test-green";
    private static final ProfileSettings FAST = ProfileSettings.healthy()
            .withTimeToFirstEventMs(2)
            .withGapBetweenEventsMs(2)
            .withTokensPerAnswer(8)
            .withAbortAfterEvents(3);
    private static MockUpstream green;

    @BeforeAll
    static void start() {
        green = MockUpstream.start(MockSettings.of("green", KEY));
    }

    @AfterAll
    static void stop() {
        green.close();
    }

    @BeforeEach
    void healthyAgain() {
        green.switchProfile(FAST);
        green.resetCounts();
    }

    @Test
    void slowAddsItsLatencyBeforeTheAnswer() {
        green.switchProfile(FAST.withProfile(Profile.SLOW).withAddedLatencyMs(300));
        long start = System.nanoTime();
        HttpResponse<String> r = chat(green, KEY, body("slow", false, false));
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(tookMs).isBetween(290L, 5_000L);
    }

    @Test
    void flakyFailsAboutTheConfiguredShareWithServerErrorsAndRateLimitsRepeatably() {
        ProfileSettings flaky =
                FAST.withProfile(Profile.FLAKY).withErrorPercent(30).withSeed(7);
        green.switchProfile(flaky);
        List<Integer> first = statuses(200);
        green.switchProfile(flaky);
        List<Integer> second = statuses(200);

        assertThat(second).isEqualTo(first);
        long failures = first.stream().filter(s -> s != 200).count();
        assertThat(failures).isBetween(35L, 85L); // 30% of 200 = 60, binomial sd ~6.5
        assertThat(first)
                .containsAnyOf(500, 503)
                .contains(429)
                .allMatch(s -> List.of(200, 429, 500, 503).contains(s));
        awaitCount(() -> green.counts().total() == 400);
        assertThat(green.counts().status(200))
                .isEqualTo(2L * first.stream().filter(s -> s == 200).count());
    }

    private static List<Integer> statuses(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(chat(green, KEY, body("flaky " + i, false, false)).statusCode());
        }
        return out;
    }

    @Test
    void unauthorizedAnswers401EvenForTheRightKey() {
        green.switchProfile(FAST.withProfile(Profile.UNAUTHORIZED));
        HttpResponse<String> r = chat(green, KEY, body("hi", false, false));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r.body()).path("error").path("code").asText()).isEqualTo("invalid_api_key");
        assertThat(json(r.body()).path("error").path("upstream").asText())
                .as("an error names the upstream that answered, as every answer does")
                .isEqualTo("green");
    }

    @Test
    void resetDropsTheConnectionBeforeAnyByte() {
        green.switchProfile(FAST.withProfile(Profile.RESET));

        assertThatThrownBy(() -> MockClient.HTTP.send(
                        MockClient.chatRequest(green, KEY, body("hi", false, false))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class)
                .hasStackTraceContaining("Connection reset");
        awaitCount(() -> green.counts().faults() >= 1);
    }

    @Test
    void midStreamAbortSendsTheConfiguredEventsThenBreaksTheConnection() {
        green.switchProfile(FAST.withProfile(Profile.MID_STREAM_ABORT).withAbortAfterEvents(3));
        MockClient.Received s = stream(green, KEY, body("abort", true, true));

        assertThat(s.status()).isEqualTo(200);
        assertThat(s.cleanEnd()).as("connection must break, not end cleanly").isFalse();
        assertThat(s.done()).isFalse();
        assertThat(s.jsonEvents())
                .extracting(e -> e.path("relaygate_seq").asInt())
                .containsExactly(1, 2, 3);
        awaitCount(() -> green.counts().aborted() == 1);
    }

    @Test
    void midStreamAbortCutsAJsonAnswerHalfway() {
        green.switchProfile(FAST.withProfile(Profile.MID_STREAM_ABORT));

        assertThatThrownBy(() -> MockClient.HTTP.send(
                        MockClient.chatRequest(green, KEY, body("abort", false, false))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void truncatedStreamEndsCleanlyWithoutDoneAfterTheConfiguredEvents() {
        green.switchProfile(FAST.withProfile(Profile.TRUNCATED_STREAM).withAbortAfterEvents(4));
        MockClient.Received s = stream(green, KEY, body("truncate", true, true));

        assertThat(s.cleanEnd()).isTrue();
        assertThat(s.done()).isFalse();
        assertThat(s.jsonEvents())
                .extracting(e -> e.path("relaygate_seq").asInt())
                .containsExactly(1, 2, 3, 4);
        assertThat(s.jsonEvents())
                .allSatisfy(e -> assertThat(e.path("relaygate_total").asInt()).isEqualTo(10));
    }

    @Test
    void latencySpikeHasALongTailAboveItsMedian() {
        green.switchProfile(FAST.withProfile(Profile.LATENCY_SPIKE).withAddedLatencyMs(20));
        List<Long> took = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            long start = System.nanoTime();
            assertThat(chat(green, KEY, body("spike " + i, false, false)).statusCode())
                    .isEqualTo(200);
            took.add((System.nanoTime() - start) / 1_000_000);
        }
        took.sort(null);

        // Log-normal(median 20 ms, sigma 1): P(X < 80 ms) = 0.917, so all 80 below that is ~0.1% likely.
        assertThat(took.get(took.size() - 1)).isGreaterThan(2 * took.get(took.size() / 2));
        assertThat(took.get(took.size() - 1)).isGreaterThan(40L);
    }

    @Test
    void divergentAnswersDifferentTextWithTheSameUsage() {
        String request = body("Same prompt", false, false);
        String healthy = chat(green, KEY, request).body();
        green.switchProfile(FAST.withProfile(Profile.DIVERGENT));
        String divergent = chat(green, KEY, request).body();

        assertThat(content(divergent)).isNotEqualTo(content(healthy));
        assertThat(json(divergent).path("usage")).isEqualTo(json(healthy).path("usage"));
    }

    @Test
    void servedCountsTrackStatusesAndStreams() {
        // A mock of its own: no late completion from another test can land in its counts.
        try (MockUpstream counted = MockUpstream.start(MockSettings.of("counted", KEY))) {
            chat(counted, KEY, body("count", false, false));
            stream(counted, KEY, body("count", true, false));
            chat(counted, "sk-wrong", body("count", false, false));

            awaitCount(() -> counted.counts().total() == 3);
            assertCounts(counted.counts());
            counted.resetCounts();
            assertThat(counted.counts().total()).isZero();
        }
    }

    private static void assertCounts(ServedCounts c) {
        assertThat(c.status(200)).isEqualTo(2);
        assertThat(c.status(401)).isEqualTo(1);
        assertThat(c.streams()).isEqualTo(1);
        assertThat(c.errors()).isEqualTo(1);
    }

    private static String content(String completion) {
        return json(completion)
                .path("choices")
                .get(0)
                .path("message")
                .path("content")
                .asText();
    }

    /** Counts are recorded after the response completes, a moment after the client has read it. */
    static void awaitCount(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(condition.getAsBoolean()).as("condition within 5 s").isTrue();
    }
}
