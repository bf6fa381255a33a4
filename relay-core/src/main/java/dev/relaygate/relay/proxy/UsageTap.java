package dev.relaygate.relay.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.relay.exchange.Usage;
import dev.relaygate.relay.sse.SseUsageScanner;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Reads token usage off an answer as it streams past (only when someone listens for exchanges): SSE
 * through {@link SseUsageScanner}'s final usage event; JSON by parsing the whole answer's {@code usage}
 * object at the end (answers above {@link AnswerCopy#MAX_JSON_BYTES} are not parsed). Passes every byte on
 * unchanged. One per exchange, used on its event loop only.
 */
final class UsageTap implements StreamInterceptor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AnswerCopy copy;
    private final SseUsageScanner sse;

    UsageTap(boolean stream) {
        this.copy = new AnswerCopy(stream, null);
        this.sse = copy.stream();
    }

    @Override
    public Buffer onChunk(Buffer raw, Buffer out) {
        copy.add(raw);
        return out;
    }

    /** Usage when the answer ended: the reported numbers, or {@link Usage#NONE}. */
    Usage complete() {
        if (sse != null) {
            sse.finish();
            return sse.usage() != null ? sse.usage() : Usage.NONE;
        }
        Buffer json = copy.json();
        if (json == null || json.length() == 0) {
            return Usage.NONE;
        }
        try {
            JsonNode u = JSON.readTree(json.getBytes()).path("usage");
            if (!u.isObject()) {
                return Usage.NONE;
            }
            long prompt = u.path("prompt_tokens").asLong();
            long completion = u.path("completion_tokens").asLong();
            return new Usage(
                    prompt,
                    u.path("prompt_tokens_details").path("cached_tokens").asLong(),
                    completion,
                    u.path("total_tokens").asLong(prompt + completion));
        } catch (IOException e) {
            return Usage.NONE;
        }
    }

    /** A stream the client abandoned: the events seen so far stand in for completion tokens (approximate). */
    Usage partial() {
        return sse == null ? Usage.NONE : new Usage(0, 0, sse.events(), sse.events());
    }
}
