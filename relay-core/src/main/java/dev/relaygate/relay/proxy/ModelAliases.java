package dev.relaygate.relay.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaygate.relay.json.BodyPeek;
import dev.relaygate.relay.json.MalformedBodyException;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.Map;

/**
 * The {@code models} map: when a request's {@code model} is an alias, the body is rewritten with
 * the upstream model name. Only aliased requests pay for the rewrite (parse, set, serialize).
 */
public final class ModelAliases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> aliases;

    public ModelAliases(Map<String, String> aliases) {
        this.aliases = Map.copyOf(aliases);
    }

    /** The upstream name for {@code model}, or null when it is not an alias. */
    public String resolve(String model) {
        return model == null || aliases.isEmpty() ? null : aliases.get(model);
    }

    /** The body with its top-level {@code model} replaced. The body was already checked by {@link BodyPeek}. */
    public static Buffer rewrite(Buffer body, String upstreamModel) throws MalformedBodyException {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(body.getBytes());
            node.put("model", upstreamModel);
            return Buffer.buffer(JSON.writeValueAsBytes(node));
        } catch (IOException | ClassCastException e) {
            throw new MalformedBodyException("request body is not valid JSON", null);
        }
    }
}
