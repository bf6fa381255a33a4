package dev.relaygate.relay;

import static dev.relaygate.relay.ClientConnectionLimitsTest.assertOpenAiError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RawHttp;
import dev.relaygate.relay.support.RelayFixture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests the HTTP decoder rejects are answered in the OpenAI error shape, then the connection closes. */
@Tag("abuse")
final class ParserRejectionsTest {

    private static final String CHAT =
            "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Content-Type: application/json\r\n";
    private static RelayFixture f;

    @BeforeAll
    static void start() {
        f = RelayFixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void aHugeHeaderValueIs431() throws Exception {
        assertRejected(
                CHAT + "X-Big: " + "b".repeat(20_000) + "\r\nContent-Length: 2\r\n\r\n{}", 431, "headers_too_large");
    }

    @Test
    void manySmallHeadersPastTheSizeLimitAre431() throws Exception {
        String headers =
                IntStream.range(0, 1_000).mapToObj(i -> "X-H" + i + ": v\r\n").collect(Collectors.joining());
        assertRejected(CHAT + headers + "Content-Length: 2\r\n\r\n{}", 431, "headers_too_large");
    }

    @Test
    void aLongUrlIs414() throws Exception {
        assertRejected(
                "GET /v1/models?q=" + "u".repeat(10_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 414, "uri_too_long");
    }

    @Test
    void contentLengthWithTransferEncodingIs400() throws Exception {
        assertRejected(
                CHAT + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                400,
                "malformed_request");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gzip-deluxe", "identity", "chunked, gzip", "gzip, chunked", "chunked, chunked"})
    void anUnsupportedTransferCodingIs501(String codings) throws Exception {
        assertRejected(
                CHAT + "Transfer-Encoding: " + codings + "\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                501,
                "unsupported_transfer_encoding");
    }

    @Test
    void aSecondTransferEncodingHeaderIs501() throws Exception {
        assertRejected(
                CHAT + "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                501,
                "unsupported_transfer_encoding");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HTTP/1.2", "HTTP/2.0", "FOO/1.1"})
    void anUnsupportedHttpVersionIs501(String version) throws Exception {
        assertRejected("GET /v1/models " + version + "\r\nHost: 127.0.0.1\r\n\r\n", 501, "unsupported_http_version");
    }

    @Test
    void aChunkedBodyIsStillRelayed() throws Exception {
        String body = Http.chatBody("m", false);
        try (RawHttp c = RawHttp.connect(f.relay.port())) {
            c.send(CHAT + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body
                    + "\r\n0\r\n\r\n");
            assertThat(c.readResponse().status()).isEqualTo(200);
        }
    }

    private static void assertRejected(String request, int status, String code) throws Exception {
        try (RawHttp c = RawHttp.connect(f.relay.port())) {
            c.send(request);
            RawHttp.Response r = c.readResponse();
            assertOpenAiError(r, status, code);
            assertThat(c.awaitClose(5_000)).as("closed after a rejection").isTrue();
        }
    }
}
