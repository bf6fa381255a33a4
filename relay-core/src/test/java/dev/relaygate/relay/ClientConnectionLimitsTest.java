package dev.relaygate.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RawHttp;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.support.SseClient;
import dev.relaygate.relay.time.RandomSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Abusive and unlucky clients against a real relay: stalled heads and bodies, idle keep-alive connections,
 * more connections than the limit; and the phases the client timeouts must leave alone (a slow upstream,
 * a long stream to a silent client).
 */
@Tag("abuse")
final class ClientConnectionLimitsTest {

    private static final long HEADER_READ_MS = 400;
    private static final long BODY_IDLE_MS = 400;
    private static final long IDLE_MS = 600;
    private static final int MAX_CONNECTIONS = 8;
    /** Scheduling slack on a busy 2-core machine; the timeouts themselves are what is asserted. */
    private static final long MARGIN_MS = 1_500;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RelayFixture f;

    @BeforeAll
    static void start() {
        f = RelayFixture.start(
                c -> c.withServer(c.server()
                        .withMaxConnections(MAX_CONNECTIONS)
                        .withClientTimeouts(HEADER_READ_MS, BODY_IDLE_MS, IDLE_MS)),
                RandomSource.threadLocal());
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void healthyUpstreams() {
        f.blue.switchProfile(ProfileSettings.healthy());
        f.green.switchProfile(ProfileSettings.healthy());
    }

    @Test
    void aHeadSentOneByteAtATimeIsAnswered408WithinTheHeaderReadTimeout() throws Exception {
        try (RawHttp c = RawHttp.connect(f.relay.port())) {
            long start = System.nanoTime();
            Thread dribble = new Thread(() -> {
                String head = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(1_000);
                for (int i = 0; i < head.length(); i++) {
                    if (!c.send(head.substring(i, i + 1))) {
                        return;
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            dribble.start();
            try {
                RawHttp.Response r = c.readResponse();
                long elapsedMs = (System.nanoTime() - start) / 1_000_000;

                assertOpenAiError(r, 408, "request_timeout");
                assertThat(r.body()).contains("server.header_read_timeout_ms");
                assertThat(r.header("Connection")).isEqualToIgnoringCase("close");
                assertThat(elapsedMs).isBetween(HEADER_READ_MS - 50, HEADER_READ_MS + MARGIN_MS);
                assertThat(c.awaitClose(MARGIN_MS)).as("closed after the 408").isTrue();
            } finally {
                dribble.interrupt();
            }
        }
    }

    @Test
    void aBodyShorterThanItsContentLengthIsAnswered408AfterTheBodyIdleTimeout() throws Exception {
        try (RawHttp c = RawHttp.connect(f.relay.port())) {
            long start = System.nanoTime();
            c.send("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"model\":");
            RawHttp.Response r = c.readResponse();
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertOpenAiError(r, 408, "request_timeout");
            assertThat(r.body()).contains("server.body_idle_timeout_ms");
            assertThat(elapsedMs).isBetween(BODY_IDLE_MS - 50, BODY_IDLE_MS + MARGIN_MS);
            assertThat(c.awaitClose(MARGIN_MS)).as("closed after the 408").isTrue();
        }
    }

    @Test
    void aBodyTrickleWithGapsShorterThanTheBodyIdleTimeoutIsRelayedHoweverLongItTakes() throws Exception {
        String body = Http.chatBody("m", false);
        int pieces = 8;
        long gapMs = BODY_IDLE_MS / 4;
        try (RawHttp c = RawHttp.connect(f.relay.port())) {
            long start = System.nanoTime();
            c.send("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n");
            int step = (body.length() + pieces - 1) / pieces;
            for (int i = 0; i < body.length(); i += step) {
                Thread.sleep(gapMs);
                assertThat(c.send(body.substring(i, Math.min(body.length(), i + step))))
                        .isTrue();
            }
            RawHttp.Response r = c.readResponse();

            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThan(BODY_IDLE_MS);
        }
    }

    @Test
    void aHeadInPiecesCompletedWithinTheHeaderReadTimeoutIsServed() throws Exception {
        try (RawHttp c = RawHttp.connect(f.relay.port())) {
            c.send("GET /healthz HTTP/1.1\r\n");
            Thread.sleep(HEADER_READ_MS / 4);
            c.send("Host: 127.0.0.1\r\n");
            Thread.sleep(HEADER_READ_MS / 4);
            c.send("\r\n");

            assertThat(c.readResponse().status()).isEqualTo(200);
        }
    }

    @Test
    void aKeptAliveConnectionWithNoRequestIsClosedAfterTheIdleTimeout() throws Exception {
        try (RawHttp c = RawHttp.connect(f.relay.port())) {
            c.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            RawHttp.Response r = c.readResponse();
            long answered = System.nanoTime();
            assertThat(r.status()).isEqualTo(200);

            assertThat(c.awaitClose(IDLE_MS + MARGIN_MS)).as("closed when idle").isTrue();
            long idleMs = (System.nanoTime() - answered) / 1_000_000;
            assertThat(idleMs).isGreaterThanOrEqualTo(IDLE_MS - 50);
        }
    }

    @Test
    void anEmptyLineAfterARequestStartsNoHeadAndTheConnectionClosesSilentlyWhenIdle() throws Exception {
        try (RawHttp c = RawHttp.connect(f.relay.port())) {
            c.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(c.readResponse().status()).isEqualTo(200);
            long answered = System.nanoTime();
            c.send("\r\n");

            assertThat(c.readUntilClose(IDLE_MS + MARGIN_MS))
                    .as("no 408 for an empty line")
                    .isEmpty();
            assertThat((System.nanoTime() - answered) / 1_000_000).isGreaterThanOrEqualTo(IDLE_MS - 50);
        }
    }

    @Test
    void aConnectionThatNeverSendsAByteIsClosedAfterTheIdleTimeout() throws Exception {
        try (RawHttp c = RawHttp.connect(f.relay.port())) {
            long start = System.nanoTime();
            assertThat(c.awaitClose(IDLE_MS + MARGIN_MS)).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(IDLE_MS - 50);
        }
    }

    @Test
    void aKeptAliveConnectionServesRequestsSpacedByLessThanTheIdleTimeout() throws Exception {
        try (RawHttp c = RawHttp.connect(f.relay.port())) {
            for (int i = 0; i < 4; i++) {
                c.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                assertThat(c.readResponse().status()).isEqualTo(200);
                Thread.sleep(IDLE_MS / 2);
            }
        }
    }

    @Test
    void anUpstreamSlowerThanEveryClientTimeoutIsWaitedFor() throws Exception {
        int latencyMs = (int) (2 * (HEADER_READ_MS + BODY_IDLE_MS + IDLE_MS));
        f.blue.switchProfile(ProfileSettings.of(Profile.SLOW).withAddedLatencyMs(latencyMs));
        String body = Http.chatBody("m", false);
        try (RawHttp c = RawHttp.connect(f.relay.port())) {
            long start = System.nanoTime();
            c.send("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body);
            RawHttp.Response r = c.readResponse();

            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(latencyMs);
        }
    }

    @Test
    void aStreamLongerThanEveryClientTimeoutToASilentClientIsNotCut() {
        int gapMs = 150;
        int tokens = (int) ((HEADER_READ_MS + BODY_IDLE_MS + IDLE_MS) * 2 / gapMs);
        ProfileSettings spaced = ProfileSettings.healthy()
                .withGapBetweenEventsMs(gapMs)
                .withTimeToFirstEventMs(gapMs)
                .withTokensPerAnswer(tokens);
        f.blue.switchProfile(spaced);

        SseClient.Result r = SseClient.post(
                f.relay.baseUrl() + "/chat/completions", Http.chatBody("m", true, tokens * 2), Map.of(), e -> {});

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.error()).isNull();
        assertThat(r.sawDone()).isTrue();
        assertThat(r.completeAndInOrder()).isTrue();
        long spanMs = (r.events().get(r.events().size() - 1).arrivedNanos()
                        - r.events().get(0).arrivedNanos())
                / 1_000_000;
        assertThat(spanMs).isGreaterThan(IDLE_MS + HEADER_READ_MS + BODY_IDLE_MS);
    }

    @Test
    void connectionsPastTheLimitAre503dAndClosedAndAdmittedAgainOnceOthersClose() throws Exception {
        List<RawHttp> held = new ArrayList<>();
        try {
            // Requests keep each connection busy, so the idle timeout cannot free one meanwhile: far longer than
            // the test waits (the held connections are closed at the end, which cancels them upstream).
            f.blue.switchProfile(ProfileSettings.of(Profile.SLOW).withAddedLatencyMs(60_000));
            String body = Http.chatBody("m", false);
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                RawHttp c = RawHttp.connect(f.relay.port());
                held.add(c);
                c.send("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body);
            }
            awaitOpenConnections(MAX_CONNECTIONS);

            try (RawHttp extra = RawHttp.connect(f.relay.port())) {
                RawHttp.Response r = extra.readResponse();
                assertOpenAiError(r, 503, "connection_limit");
                assertThat(r.body()).contains("server.max_connections");
                assertThat(r.header("Connection")).isEqualToIgnoringCase("close");
                assertThat(extra.awaitClose(MARGIN_MS)).isTrue();
            }
            assertThat(f.relay.refusedConnections()).isPositive();

            held.remove(0).close();
            awaitOpenConnections(MAX_CONNECTIONS - 1);
            f.blue.switchProfile(ProfileSettings.healthy());
            try (RawHttp next = RawHttp.connect(f.relay.port())) {
                next.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                assertThat(next.readResponse().status()).isEqualTo(200);
            }
        } finally {
            held.forEach(RawHttp::close);
        }
    }

    private static void awaitOpenConnections(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (f.relay.openConnections() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "expected " + expected + " open connections, but was " + f.relay.openConnections());
            }
            Thread.sleep(10);
        }
    }

    static void assertOpenAiError(RawHttp.Response r, int status, String code) throws IOException {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.has("param")).isTrue();
        assertThat(error.path("code").asText()).isEqualTo(code);
    }
}
