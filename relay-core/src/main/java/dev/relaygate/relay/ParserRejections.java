package dev.relaygate.relay;

import dev.relaygate.relay.http.ErrorResponses;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers requests the HTTP decoder could not parse, in the OpenAI error shape, then closes the
 * connection (its framing can no longer be trusted). The status follows Vert.x's
 * {@code HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER}: a request line too long is 414, headers too
 * large 431, anything else 400 (such as {@code Content-Length} together with {@code Transfer-Encoding}); except
 * that a transfer coding the relay does not implement is 501, as for requests the decoder let through
 * ({@link RequestFraming}).
 */
final class ParserRejections {

    private ParserRejections() {}

    static void answer(HttpServerRequest request) {
        DecoderResult result = request.decoderResult();
        Throwable cause = result.cause();
        int status;
        String message;
        String code;
        if (cause instanceof TooLongHttpLineException) {
            status = 414;
            message = "request line is longer than " + HttpServerOptions.DEFAULT_MAX_INITIAL_LINE_LENGTH + " bytes";
            code = "uri_too_long";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = 431;
            message = "request headers are larger than " + HttpServerOptions.DEFAULT_MAX_HEADER_SIZE + " bytes in all";
            code = "headers_too_large";
        } else if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                && RequestFraming.unsupportedTransferCoding(request.headers().getAll(HttpHeaders.TRANSFER_ENCODING))) {
            status = 501;
            message = "Transfer-Encoding must be chunked alone; other transfer codings are not supported";
            code = "unsupported_transfer_encoding";
        } else {
            status = 400;
            message = "malformed HTTP request"
                    + (cause == null || cause.getMessage() == null ? "" : ": " + brief(cause.getMessage()));
            code = "malformed_request";
        }
        request.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        ErrorResponses.send(request.response(), status, message, "invalid_request_error", null, code)
                .onComplete(done -> request.connection().close());
    }

    /** The decoder's reason, cut short: it may quote what the client sent. */
    private static String brief(String reason) {
        return reason.length() <= 120 ? reason : reason.substring(0, 120) + "...";
    }
}
