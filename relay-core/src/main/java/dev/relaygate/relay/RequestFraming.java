package dev.relaygate.relay;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;

/**
 * Framing the relay does not implement, found on a request the decoder accepted: an HTTP version other than
 * 1.0 and 1.1, or a transfer coding other than {@code chunked} alone (RFC 9112 6.1: a server that receives a
 * transfer coding it does not understand should answer 501). Such a request is answered 501 in the OpenAI
 * error shape before the relay reads its body, which it could not frame or forward faithfully.
 */
final class RequestFraming {

    private final ByteBuf unsupportedVersion;
    private final ByteBuf unsupportedCoding;

    RequestFraming() {
        unsupportedVersion = ClientTimeouts.closingResponse(
                501, "Not Implemented", "only HTTP/1.1 and HTTP/1.0 are supported", "unsupported_http_version");
        unsupportedCoding = ClientTimeouts.closingResponse(
                501,
                "Not Implemented",
                "Transfer-Encoding must be chunked alone; other transfer codings are not supported",
                "unsupported_transfer_encoding");
    }

    /** The answer to send instead of relaying {@code request}, or null when its framing is supported. */
    ByteBuf rejection(HttpRequest request) {
        HttpVersion version = request.protocolVersion();
        if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
            return unsupportedVersion.duplicate();
        }
        if (request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)
                && unsupportedTransferCoding(request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING))) {
            return unsupportedCoding.duplicate();
        }
        return null;
    }

    /** True unless the {@code Transfer-Encoding} values name exactly one coding, {@code chunked}. */
    static boolean unsupportedTransferCoding(List<String> values) {
        int codings = 0;
        for (String value : values) {
            for (String coding : value.split(",", -1)) {
                String c = coding.trim();
                if (c.isEmpty()) {
                    continue;
                }
                if (!c.equalsIgnoreCase("chunked") || ++codings > 1) {
                    return true;
                }
            }
        }
        return codings != 1;
    }
}
