package dev.relaygate.relay.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.time.RandomSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request targets that could climb out of the upstream's base path with the relay's key are refused with 400
 * in the OpenAI shape, and the upstream never sees them. Sent over a raw socket: an HTTP client library would
 * normalise the path before it left.
 */
@Tag("abuse")
final class PathTricksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RelayFixture f;

    @BeforeAll
    static void start() {
        f = RelayFixture.start(c -> c, RandomSource.seeded(1));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /v1/../../admin/secret",
                "GET /v1/%2e%2e/%2e%2e/admin",
                "GET /v1/..%2fadmin",
                "GET /v1/models/..%2F..%2Fx",
                "GET /v1\\..\\admin",
                "GET /v1/%5c..",
                "GET http://127.0.0.1:1/v1/models",
                "GET /v1/./models",
                "POST /v1/chat/../chat/completions",
                "GET /v1/../admin/status",
                "GET /v1/..;jsessionid=1/..;/admin/status"
            })
    void isRefusedBeforeAnythingIsForwarded(String requestLine) throws Exception {
        long blueBefore = RelayFixture.settledTotal(f.blue);
        long greenBefore = RelayFixture.settledTotal(f.green);
        long rejectedBefore = f.relay.metrics().rejected();

        String answer = exchange(requestLine);

        assertThat(answer).startsWith("HTTP/1.1 400");
        JsonNode error =
                JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_path");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(RelayFixture.settledTotal(f.blue)).isEqualTo(blueBefore);
        assertThat(RelayFixture.settledTotal(f.green)).isEqualTo(greenBefore);
        assertThat(f.relay.metrics().rejected()).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void anAbsoluteFormTargetCannotReachAControlPathEvenWithTheAdminToken() throws Exception {
        String answer =
                exchange("GET http://127.0.0.1:1/admin/status", "Authorization: Bearer " + RelayFixture.ADMIN_TOKEN);

        assertThat(answer).startsWith("HTTP/1.1 400").contains("invalid_path").doesNotContain("\"weights\"");
    }

    /** Sends one request with that request line (and a small JSON body for POST); returns the raw answer. */
    private static String exchange(String requestLine) throws IOException {
        return exchange(requestLine, "X-Test: path");
    }

    private static String exchange(String requestLine, String extraHeader) throws IOException {
        String body = requestLine.startsWith("POST") ? "{\"model\":\"m\",\"messages\":[]}" : "";
        String request = requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeader
                + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        try (Socket socket = new Socket("127.0.0.1", f.relay.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
