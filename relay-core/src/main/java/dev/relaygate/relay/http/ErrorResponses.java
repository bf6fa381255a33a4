package dev.relaygate.relay.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Answers the relay's own errors in the OpenAI error shape
 * {@code {"error":{"message","type","param","code"}}}. Messages never contain secrets.
 */
public final class ErrorResponses {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ErrorResponses() {}

    /** The error body as JSON text. */
    public static String body(String message, String type, String param, String code) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("message", message);
            g.writeStringField("type", type);
            writeNullable(g, "param", param);
            writeNullable(g, "code", code);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Sends the error unless a response has already started (then the connection is reset). */
    public static Future<Void> send(
            HttpServerResponse response, int status, String message, String type, String param, String code) {
        if (response.headWritten()) {
            return response.reset();
        }
        if (response.closed()) {
            return Future.succeededFuture();
        }
        return response.setStatusCode(status)
                .putHeader(Headers.CONTENT_TYPE, Headers.APPLICATION_JSON)
                .end(Buffer.buffer(body(message, type, param, code)));
    }

    public static void badRequest(HttpServerResponse response, String message, String param, String code) {
        send(response, 400, message, "invalid_request_error", param, code);
    }

    public static void unauthorized(HttpServerResponse response, String message) {
        response.putHeader(Headers.WWW_AUTHENTICATE, "Bearer");
        send(response, 401, message, "authentication_error", null, "invalid_api_key");
    }

    public static void notFound(HttpServerResponse response, String method, String path) {
        send(
                response,
                404,
                "Unknown request URL: " + method + " " + path,
                "invalid_request_error",
                null,
                "unknown_url");
    }

    public static void methodNotAllowed(HttpServerResponse response, String method, String path, String allow) {
        response.putHeader(Headers.ALLOW, allow);
        send(
                response,
                405,
                "Method " + method + " is not allowed on " + path + "; allowed: " + allow,
                "invalid_request_error",
                null,
                "method_not_allowed");
    }

    public static Future<Void> tooLarge(HttpServerResponse response, long limit, long actual) {
        return send(
                response,
                413,
                "request body must be at most " + limit + " bytes (limits.max_body_bytes), but was "
                        + (actual < 0 ? "more" : String.valueOf(actual)),
                "invalid_request_error",
                null,
                "body_too_large");
    }

    /** A client-sent value as an error message may quote it: at most 40 characters, printable ASCII only. */
    public static String printable(String value) {
        if (value == null) {
            return "missing";
        }
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "\"" + cut.replaceAll("[^\\x20-\\x7e]", "?") + "\"";
    }

    private static void writeNullable(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }
}
