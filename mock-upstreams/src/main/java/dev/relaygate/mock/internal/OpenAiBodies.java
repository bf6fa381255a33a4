package dev.relaygate.mock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Builds OpenAI-shaped JSON: completions, stream chunks, usage, errors and the model list. */
public final class OpenAiBodies {

    static final List<String> MODELS = List.of("gpt-4.1", "gpt-4.1-mini", "gpt-4o-mini");

    private final ObjectMapper mapper;

    public OpenAiBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode usage(ChatRequest request, int completionTokens) {
        ObjectNode usage = mapper.createObjectNode();
        usage.put("prompt_tokens", request.promptTokens());
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", request.promptTokens() + completionTokens);
        usage.putObject("prompt_tokens_details").put("cached_tokens", request.cachedTokens());
        return usage;
    }

    /** A non-streamed {@code chat.completion}. */
    public String completion(String id, long created, ChatRequest request, List<String> chunks, String finish) {
        ObjectNode root = header(id, "chat.completion", created, request.model());
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", String.join("", chunks));
        choice.put("finish_reason", finish);
        root.set("usage", usage(request, chunks.size()));
        return write(root);
    }

    /**
     * The JSON payloads of a stream, each carrying {@code relaygate_seq} 1..T and {@code relaygate_total} T:
     * one per content chunk, the finish_reason chunk, and the usage chunk when requested.
     */
    public List<String> streamPayloads(
            String id, long created, ChatRequest request, List<String> chunks, String finish) {
        int total = chunks.size() + 1 + (request.includeUsage() ? 1 : 0);
        List<String> out = new ArrayList<>(total);
        int seq = 0;
        for (String content : chunks) {
            ObjectNode chunk = chunkHeader(id, created, request.model());
            ObjectNode choice = chunk.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("delta").put("content", content);
            choice.putNull("finish_reason");
            out.add(seq(chunk, ++seq, total));
        }
        ObjectNode last = chunkHeader(id, created, request.model());
        ObjectNode choice = last.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta");
        choice.put("finish_reason", finish);
        out.add(seq(last, ++seq, total));
        if (request.includeUsage()) {
            ObjectNode usageChunk = chunkHeader(id, created, request.model());
            usageChunk.putArray("choices");
            usageChunk.set("usage", usage(request, chunks.size()));
            out.add(seq(usageChunk, ++seq, total));
        }
        return out;
    }

    private ObjectNode chunkHeader(String id, long created, String model) {
        return header(id, "chat.completion.chunk", created, model);
    }

    private ObjectNode header(String id, String object, long created, String model) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", id);
        root.put("object", object);
        root.put("created", created);
        root.put("model", model);
        return root;
    }

    private String seq(ObjectNode chunk, int seq, int total) {
        chunk.put("relaygate_seq", seq);
        chunk.put("relaygate_total", total);
        return write(chunk);
    }

    /** {@code {"error":{"message","type","param","code"}}}. */
    public String error(String message, String type, String param, String code) {
        return write(errorNode(message, type, param, code));
    }

    /**
     * As {@link #error} plus {@code "upstream": name} inside the error object: the mock names itself in every
     * answer (successful ones by their {@code chatcmpl-<name>-<n>} id), so a client can tell which upstream
     * answered without trusting a relay's header.
     */
    public String error(String message, String type, String param, String code, String upstream) {
        ObjectNode root = errorNode(message, type, param, code);
        ((ObjectNode) root.get("error")).put("upstream", upstream);
        return write(root);
    }

    private ObjectNode errorNode(String message, String type, String param, String code) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return root;
    }

    public String models(long created) {
        ObjectNode root = mapper.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String model : MODELS) {
            data.addObject()
                    .put("id", model)
                    .put("object", "model")
                    .put("created", created)
                    .put("owned_by", "relaygate-mock");
        }
        return write(root);
    }

    private String write(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
