package dev.relaygate.relay.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.relay.config.ConfigException;
import dev.relaygate.relay.config.ConfigLoader;
import dev.relaygate.relay.http.ErrorResponses;
import dev.relaygate.relay.http.Headers;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;

/** One call to a control path, with its (bounded, already read) body and JSON reply helpers. */
public final class ControlRequest {

    private final HttpServerRequest request;
    private final Buffer body;

    ControlRequest(HttpServerRequest request, Buffer body) {
        this.request = request;
        this.body = body;
    }

    public HttpServerRequest request() {
        return request;
    }

    /** The body as a JSON tree; an empty body is an empty object. */
    public JsonNode json() throws IOException {
        if (body.length() == 0) {
            return mapper().createObjectNode();
        }
        return mapper().readTree(body.getBytes());
    }

    /**
     * Binds the JSON body to a config record with the YAML's snake_case names; a bad body is
     * answered 400 (naming the field) and this returns null.
     */
    public <T> T bind(Class<T> type, String pathPrefix) {
        try {
            JsonNode node = json();
            if (!node.isObject()) {
                badRequest("request body must be a JSON object, but was " + node.getNodeType(), null);
                return null;
            }
            return ConfigLoader.bind(mapper(), node, type, pathPrefix);
        } catch (JsonProcessingException e) {
            badRequest("request body is not valid JSON: " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            badRequest("request body could not be read: " + e.getMessage(), null);
        } catch (ConfigException e) {
            badRequest(e.getMessage(), null);
        }
        return null;
    }

    public void replyJson(int status, Object value) {
        byte[] bytes;
        try {
            bytes = mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            ErrorResponses.send(request.response(), 500, "could not write the reply", "server_error", null, null);
            return;
        }
        request.response()
                .setStatusCode(status)
                .putHeader(Headers.CONTENT_TYPE, Headers.APPLICATION_JSON)
                .end(Buffer.buffer(bytes));
    }

    public void badRequest(String message, String param) {
        ErrorResponses.badRequest(request.response(), message, param, "invalid_request");
    }

    public void error(int status, String message, String type, String code) {
        error(status, message, type, null, code);
    }

    /** @param param the field at fault (the OpenAI error shape's {@code param}), or null */
    public void error(int status, String message, String type, String param, String code) {
        ErrorResponses.send(request.response(), status, message, type, param, code);
    }

    private static ObjectMapper mapper() {
        return ConfigLoader.jsonMapper();
    }
}
