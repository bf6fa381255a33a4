package dev.relaygate.gates.relays;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The {@code x-portkey-config} header that makes Portkey split chat requests between blue and green: a
 * {@code loadbalance} strategy over two {@code openai} targets, each with the upstream's base URL as
 * {@code custom_host}, its key as {@code api_key} and the environment's percentage as {@code weight}.
 *
 * <p>Verified against @portkey-ai/gateway 1.15.2 (see {@code peers/PORTKEY.md}): weights are relative
 * (90/10 and 0.9/0.1 split alike); a weight of 0 is honoured (a target with weight 0 is never chosen; only
 * a missing weight defaults to 1), so 100/0 keeps both targets with weights 100 and 0 and the header's
 * shape never changes; the target's {@code api_key} is sent upstream as {@code Authorization: Bearer} in
 * place of whatever the client presented.
 */
public final class PortkeyConfig {

    /** The request header Portkey reads its per-request config from. */
    public static final String HEADER = "x-portkey-config";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Upstreams upstreams;

    public PortkeyConfig(Upstreams upstreams) {
        this.upstreams = Objects.requireNonNull(upstreams, "upstreams");
    }

    /**
     * The header value for these weights.
     *
     * @throws IllegalArgumentException unless both are in 0..100 and sum to 100
     */
    public String header(int blue, int green) {
        checkWeights(blue, green);
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("strategy").put("mode", "loadbalance");
        ArrayNode targets = root.putArray("targets");
        target(targets, upstreams.blueUrl(), upstreams.blueKey(), blue);
        target(targets, upstreams.greenUrl(), upstreams.greenKey(), green);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Portkey config", e);
        }
    }

    /** @throws IllegalArgumentException unless both are in 0..100 and sum to 100 */
    public static void checkWeights(int blue, int green) {
        if (blue < 0 || green < 0 || blue + green != 100) {
            throw new IllegalArgumentException(
                    "weights must be 0..100 each and sum to 100, got blue " + blue + " and green " + green);
        }
    }

    private static void target(ArrayNode targets, String url, String key, int weight) {
        targets.addObject()
                .put("provider", "openai")
                .put("custom_host", url)
                .put("api_key", key)
                .put("weight", weight);
    }
}
