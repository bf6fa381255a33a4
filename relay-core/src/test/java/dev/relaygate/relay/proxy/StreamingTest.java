package dev.relaygate.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import dev.relaygate.mock.ServedCounts;
import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.metrics.Counts;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.support.SseClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class StreamingTest {

    private static final int EVENT_GAP_MS = 100;
    private static final int TOKENS = 10;
    private static RelayFixture f;

    @BeforeAll
    static void start() {
        f = RelayFixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void slowHealthyStreams() {
        ProfileSettings spaced = ProfileSettings.healthy()
                .withGapBetweenEventsMs(EVENT_GAP_MS)
                .withTimeToFirstEventMs(EVENT_GAP_MS)
                .withTokensPerAnswer(TOKENS);
        f.blue.switchProfile(spaced);
        f.green.switchProfile(spaced);
        f.relay.policyStore().setGreenWeight(0, "test reset");
    }

    @Test
    void eventsArriveInOrderAndTheFirstReachesTheClientBeforeTheLastIsSent() {
        SseClient.Result r = SseClient.post(
                f.relay.baseUrl() + "/chat/completions", Http.chatBody("m", true, 64), Map.of(), e -> {});

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.error()).isNull();
        assertThat(r.sawDone()).isTrue();
        assertThat(r.completeAndInOrder())
                .as("events 1..total in order: %s", r.events())
                .isTrue();
        assertThat(r.events().get(0).total()).isEqualTo(TOKENS + 1);
        // The mock spaces events 100 ms apart, so ~1 s separates first from last when nothing buffers;
        // a buffering relay would deliver them together. Generous bound for a noisy machine.
        long spreadMs = (r.events().get(r.events().size() - 1).arrivedNanos()
                        - r.events().get(0).arrivedNanos())
                / 1_000_000;
        assertThat(spreadMs).isGreaterThan((long) (TOKENS - 1) * EVENT_GAP_MS / 2);
    }

    @Test
    void aStreamStartedOnGreenFinishesOnGreenAfterARollbackMidStream() {
        f.relay.policyStore().setGreenWeight(100, "test all green");
        long greenStreamsBefore = RelayFixture.settled(f.green, ServedCounts::streams);
        AtomicBoolean rolledBack = new AtomicBoolean();
        CountDownLatch afterRollback = new CountDownLatch(1);
        SseClient.Result r = SseClient.post(
                f.relay.baseUrl() + "/chat/completions", Http.chatBody("m", true, 64), Map.of(), event -> {
                    if (rolledBack.compareAndSet(false, true)) {
                        HttpResponse<String> rollback = Http.post(f.url("/admin/rollback"), "{}", RelayFixture.admin());
                        assertThat(rollback.statusCode()).isEqualTo(200);
                        HttpResponse<String> next =
                                Http.post(f.relay.baseUrl() + "/chat/completions", Http.chatBody("m", false), Map.of());
                        assertThat(next.headers().firstValue("X-Relay-Environment"))
                                .hasValue("blue");
                        afterRollback.countDown();
                    }
                });

        assertThat(afterRollback.getCount()).isZero();
        assertThat(r.header("X-Relay-Environment")).isEqualTo("green");
        assertThat(r.error()).isNull();
        assertThat(r.sawDone()).isTrue();
        assertThat(r.completeAndInOrder()).isTrue();
        assertThat(RelayFixture.settled(f.green, ServedCounts::streams) - greenStreamsBefore)
                .isEqualTo(1);
        assertThat(f.relay.policyStore().current().greenWeight()).isZero();
    }

    @Test
    void aMidStreamAbortUpstreamEndsTheClientsStreamWithoutAFakeDoneAndIsCounted() throws InterruptedException {
        f.green.switchProfile(ProfileSettings.healthy()
                .withProfile(Profile.MID_STREAM_ABORT)
                .withAbortAfterEvents(3)
                .withGapBetweenEventsMs(20)
                .withTokensPerAnswer(TOKENS));
        Counts before = forcedGreen();

        SseClient.Result r = SseClient.post(
                f.relay.baseUrl() + "/chat/completions",
                Http.chatBody("m", true, 64),
                Map.of("X-Route-Policy", "green"),
                e -> {});

        assertThat(r.header("X-Relay-Environment")).isEqualTo("green");
        assertThat(r.sawDone()).isFalse();
        assertThat(r.events().stream().filter(e -> e.seq() > 0).count()).isLessThan(TOKENS);
        assertThat(r.error()).as("a cut stream must not look complete").isNotNull();
        Counts after = awaitCounts(before.abortedStreams() + 1);
        assertThat(after.abortedStreams() - before.abortedStreams()).isEqualTo(1);
        assertThat(after.errors(false) - before.errors(false)).isEqualTo(1);
    }

    private static Counts awaitCounts(long abortedAtLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Counts c = forcedGreen();
        while (c.abortedStreams() < abortedAtLeast && System.nanoTime() < deadline) {
            Thread.sleep(20);
            c = forcedGreen();
        }
        return c;
    }

    /** These streams are forced to green with X-Route-Policy: they are counted apart from canary samples. */
    private static Counts forcedGreen() {
        return f.relay.metrics().overridden(Environment.GREEN).counts();
    }
}
