package dev.relaygate.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an OpenAI chat request the mock needs.
 *
 * <p>Token rule (identical for JSON and SSE answers): prompt_tokens = ceil(C / 4) where C is the total
 * number of UTF-16 chars of all message contents (plus Anthropic's top-level {@code system}) (string content, or the {@code text} of content parts);
 * cached_tokens = floor(P / 4) where P is the chars of all messages but the last (the conversation prefix a
 * provider would have cached); completion_tokens = answer words = min(tokens_per_answer, max_tokens).
 *
 * @param model        requested model, "gpt-4.1-mini" when absent
 * @param stream       {@code "stream": true}
 * @param includeUsage {@code stream_options.include_usage}
 * @param promptText   all message contents joined with '\n' (the answer is a function of this)
 * @param promptChars  C above
 * @param prefixChars  P above
 * @param maxTokens    max_completion_tokens or max_tokens, 0 when absent
 */
public record ChatRequest(
        String model,
        boolean stream,
        boolean includeUsage,
        String promptText,
        int promptChars,
        int prefixChars,
        int maxTokens) {

    static final String DEFAULT_MODEL = "gpt-4.1-mini";

    /** Thrown for a body the mock answers with 400 in the OpenAI error shape. */
    public static final class InvalidRequest extends Exception {
        private static final long serialVersionUID = 1L;
        private final String param;

        InvalidRequest(String message, String param) {
            super(message, null, false, false);
            this.param = param;
        }

        public String param() {
            return param;
        }
    }

    public static ChatRequest parse(ObjectMapper mapper, String body) throws InvalidRequest {
        JsonNode root;
        try {
            root = mapper.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new InvalidRequest("request body must be a JSON object, but could not be parsed", null);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequest("request body must be a JSON object", null);
        }
        JsonNode messages = root.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new InvalidRequest("messages must be a non-empty array", "messages");
        }
        // Anthropic's top-level "system" counts as a leading message.
        List<String> contents = new ArrayList<>();
        if (root.has("system")) {
            contents.add(contentText(root.get("system")));
        }
        messages.forEach(m -> contents.add(contentText(m.path("content"))));
        StringBuilder text = new StringBuilder();
        int prefix = 0;
        for (int i = 0; i < contents.size(); i++) {
            String content = contents.get(i);
            if (i > 0) {
                text.append('\n');
            }
            text.append(content);
            if (i < contents.size() - 1) {
                prefix += content.length();
            }
        }
        int chars = text.length() - (contents.size() - 1);
        JsonNode model = root.path("model");
        int maxTokens =
                root.path("max_completion_tokens").asInt(root.path("max_tokens").asInt(0));
        return new ChatRequest(
                model.isTextual() ? model.asText() : DEFAULT_MODEL,
                root.path("stream").asBoolean(false),
                root.path("stream_options").path("include_usage").asBoolean(false),
                text.toString(),
                chars,
                prefix,
                Math.max(0, maxTokens));
    }

    private static String contentText(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : content) {
                sb.append(part.path("text").asText(""));
            }
            return sb.toString();
        }
        return "";
    }

    public int promptTokens() {
        return (promptChars + 3) / 4;
    }

    public int cachedTokens() {
        return Math.min(prefixChars / 4, promptTokens());
    }

    /** Words in the answer: tokens_per_answer, capped by the request's max tokens. */
    public int completionTokens(int tokensPerAnswer) {
        return maxTokens > 0 ? Math.min(maxTokens, tokensPerAnswer) : tokensPerAnswer;
    }
}
