package dev.relaygate.mock.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic-style {@code /v1/messages} bodies with the same token rule as the OpenAI side: input_tokens are the
 * prompt tokens not read from cache, cache_read_input_tokens the cached ones, output_tokens the answer words.
 */
final class AnthropicBodies {

    private final ObjectMapper mapper;

    AnthropicBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private ObjectNode usage(ChatRequest request, int outputTokens) {
        ObjectNode usage = mapper.createObjectNode();
        usage.put("input_tokens", request.promptTokens() - request.cachedTokens());
        usage.put("cache_read_input_tokens", request.cachedTokens());
        usage.put("output_tokens", outputTokens);
        return usage;
    }

    private ObjectNode message(String id, ChatRequest request) {
        ObjectNode message = mapper.createObjectNode();
        message.put("id", id);
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", request.model());
        return message;
    }

    String message(String id, ChatRequest request, List<String> chunks, String stopReason) {
        ObjectNode message = message(id, request);
        message.putArray("content").addObject().put("type", "text").put("text", String.join("", chunks));
        message.put("stop_reason", stopReason);
        message.putNull("stop_sequence");
        message.set("usage", usage(request, chunks.size()));
        return write(message);
    }

    /** Whole SSE event texts ({@code event:} + {@code data:}), each data carrying relaygate_seq 1..T. */
    List<String> streamEvents(String id, ChatRequest request, List<String> chunks, String stopReason) {
        List<ObjectNode> data = new ArrayList<>();
        ObjectNode start = mapper.createObjectNode().put("type", "message_start");
        ObjectNode startMessage = start.putObject("message");
        startMessage.setAll(message(id, request));
        startMessage.putArray("content");
        startMessage.putNull("stop_reason");
        startMessage.putNull("stop_sequence");
        startMessage.set("usage", usage(request, 0));
        data.add(start);
        ObjectNode blockStart =
                mapper.createObjectNode().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        data.add(blockStart);
        for (String chunk : chunks) {
            ObjectNode delta =
                    mapper.createObjectNode().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", chunk);
            data.add(delta);
        }
        data.add(mapper.createObjectNode().put("type", "content_block_stop").put("index", 0));
        ObjectNode messageDelta = mapper.createObjectNode().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", chunks.size());
        data.add(messageDelta);
        data.add(mapper.createObjectNode().put("type", "message_stop"));
        List<String> events = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            ObjectNode node = data.get(i);
            node.put("relaygate_seq", i + 1);
            node.put("relaygate_total", data.size());
            events.add("event: " + node.path("type").asText() + "\ndata: " + write(node) + "\n\n");
        }
        return events;
    }

    /** {@code {"type":"error","error":{"type","message"}}} with the Anthropic error type for the status. */
    String error(int status, String message) {
        String type = switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 503 -> "overloaded_error";
            default -> "api_error";
        };
        ObjectNode root = mapper.createObjectNode().put("type", "error");
        root.putObject("error").put("type", type).put("message", message);
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
