package dev.relaygate.relay;

import dev.relaygate.relay.config.ServerConfig;
import dev.relaygate.relay.http.ErrorResponses;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The client-phase timeouts of {@code server:} in nanoseconds, and the answers sent when one expires,
 * encoded once at start (they are written below the HTTP codec, as whole HTTP/1.1 responses).
 */
final class ClientTimeouts {

    private final long headerReadNanos;
    private final long bodyIdleNanos;
    private final long idleNanos;
    private final ByteBuf headerTimeout;
    private final ByteBuf bodyTimeout;

    ClientTimeouts(ServerConfig server) {
        headerReadNanos = TimeUnit.MILLISECONDS.toNanos(server.headerReadTimeoutMs());
        bodyIdleNanos = TimeUnit.MILLISECONDS.toNanos(server.bodyIdleTimeoutMs());
        idleNanos = TimeUnit.MILLISECONDS.toNanos(server.idleTimeoutMs());
        headerTimeout = closingResponse(
                408,
                "Request Timeout",
                "request line and headers were not received within " + server.headerReadTimeoutMs()
                        + " ms (server.header_read_timeout_ms)",
                "request_timeout");
        bodyTimeout = closingResponse(
                408,
                "Request Timeout",
                "request body stalled: no bytes for " + server.bodyIdleTimeoutMs()
                        + " ms (server.body_idle_timeout_ms)",
                "request_timeout");
    }

    long headerReadNanos() {
        return headerReadNanos;
    }

    long bodyIdleNanos() {
        return bodyIdleNanos;
    }

    long idleNanos() {
        return idleNanos;
    }

    /** A fresh view of the shared bytes, for one write. */
    ByteBuf headerTimeoutResponse() {
        return headerTimeout.duplicate();
    }

    ByteBuf bodyTimeoutResponse() {
        return bodyTimeout.duplicate();
    }

    /**
     * A whole HTTP/1.1 response with an OpenAI-shaped body and {@code Connection: close}, as bytes that
     * are never released, so each write sends a duplicate without copying.
     */
    static ByteBuf closingResponse(int status, String reason, String message, String code) {
        byte[] body = ErrorResponses.body(message, "invalid_request_error", null, code)
                .getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuf buf = Unpooled.buffer(headBytes.length + body.length);
        buf.writeBytes(headBytes).writeBytes(body);
        return Unpooled.unreleasableBuffer(buf.asReadOnly());
    }
}
