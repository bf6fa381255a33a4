package dev.relaygate.jmh;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * OpenAI chat-completion request bodies of a given size for the body benchmark, and the request type a
 * relay that fully binds every body would use. Field order follows the official Python SDK, which
 * sends {@code messages} before {@code model} and {@code stream}: the peek must skip the whole
 * conversation before it finds what it needs, the realistic case rather than the flattering one.
 */
public final class ChatBodies {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String[] WORDS = {
        "the", "relay", "routes", "each", "request", "to", "blue", "or", "green", "while", "canary", "weights", "shift",
        "and", "latency", "stays", "under", "budget", "tokens", "stream", "back",
    };

    private ChatBodies() {}

    /** What a full-databind relay reads every body into. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChatRequest(
            @JsonProperty("messages") List<Message> messages,
            @JsonProperty("model") String model,
            @JsonProperty("stream") Boolean stream,
            @JsonProperty("temperature") Double temperature,
            @JsonProperty("max_tokens") Integer maxTokens) {}

    public record Message(
            @JsonProperty("role") String role,
            @JsonProperty("content") String content) {}

    /** A UTF-8 request body of {@code targetBytes} (within one message's length), seeded and reproducible. */
    static byte[] ofSize(int targetBytes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", "You are a concise assistant.");
        root.put("model", "gpt-4.1");
        root.put("stream", true);
        root.putObject("stream_options").put("include_usage", true);
        root.put("temperature", 0.2);
        root.put("max_tokens", 512);
        int turn = 0;
        while (bytes(root) < targetBytes) {
            messages.addObject()
                    .put("role", turn++ % 2 == 0 ? "user" : "assistant")
                    .put("content", sentence(random, 40 + random.nextInt(80)));
        }
        return toBytes(root);
    }

    private static String sentence(SplittableRandom random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : i % 17 == 0 ? ".\n" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append('.').toString();
    }

    private static int bytes(ObjectNode root) {
        return toBytes(root).length;
    }

    private static byte[] toBytes(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
