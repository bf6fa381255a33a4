package dev.relaygate.relay.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Asks upstream for the final usage event of a stream the client did not ask it for, so stream
 * costs are never recorded as zero. The relay then hides that event from the client
 * (the proxy's usage-event filter), who sees the stream it asked for.
 */
public final class StreamUsageRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamUsageRequest() {}

    /**
     * The body with {@code stream_options.include_usage: true} added (other fields and other
     * {@code stream_options} kept), or null when the client already asked for usage or the body is
     * not a JSON object (then it goes upstream untouched).
     */
    public static Buffer withIncludeUsage(Buffer body) {
        try {
            JsonNode root = JSON.readTree(body.getBytes());
            if (!(root instanceof ObjectNode object)
                    || root.path("stream_options").path("include_usage").asBoolean(false)) {
                return null;
            }
            JsonNode options = object.get("stream_options");
            ObjectNode streamOptions = options instanceof ObjectNode o ? o : object.putObject("stream_options");
            streamOptions.put("include_usage", true);
            return Buffer.buffer(JSON.writeValueAsBytes(object));
        } catch (IOException e) {
            return null;
        }
    }
}
