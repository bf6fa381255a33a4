package dev.relaygate.relay.proxy;

import dev.relaygate.relay.exchange.Usage;
import dev.relaygate.relay.sse.SseUsageScanner;
import dev.relaygate.relay.sse.StreamedText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * Reads token usage off a response as it streams past (only when someone listens for exchanges):
 * SSE through {@link SseUsageScanner}'s final usage event; JSON by parsing the whole answer's
 * {@code usage} object at the end (answers above {@link #MAX_JSON_BYTES} are not parsed); for a
 * mirrored stream also its text ({@link StreamedText}). One per
 * exchange, used on its event loop only.
 */
final class UsageTap {

    static final int MAX_JSON_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SseUsageScanner sse;
    private final StreamedText streamedText;
    private Buffer json;

    UsageTap(boolean stream) {
        this(stream, false);
    }

    /** @param collectText keep a stream's text too (a mirrored stream's answer is compared with green's) */
    UsageTap(boolean stream, boolean collectText) {
        this.streamedText = stream && collectText ? new StreamedText() : null;
        this.sse = stream ? new SseUsageScanner(streamedText) : null;
        this.json = stream ? null : Buffer.buffer();
    }

    void accept(Buffer chunk) {
        if (sse != null) {
            byte[] bytes = chunk.getBytes();
            sse.accept(bytes, 0, bytes.length);
        } else if (json != null) {
            if (json.length() + chunk.length() > MAX_JSON_BYTES) {
                json = null;
            } else {
                json.appendBuffer(chunk);
            }
        }
    }

    /** The whole JSON answer (null for streams or answers over {@link #MAX_JSON_BYTES}). */
    Buffer jsonBody() {
        return json;
    }

    /** A stream's usage event once it ended, or null when it reported none (or this is not a stream). */
    Usage streamedUsage() {
        if (sse == null) {
            return null;
        }
        sse.finish();
        return sse.usage();
    }

    /** Whether a stream ended with its {@code data: [DONE]}. */
    boolean streamDone() {
        if (sse == null) {
            return false;
        }
        sse.finish();
        return sse.done();
    }

    /** A stream's text so far (bounded), or null when not collected. */
    String streamedText() {
        return streamedText == null ? null : streamedText.text();
    }

    /** Usage when the answer ended: the reported numbers, or {@link Usage#NONE}. */
    Usage complete() {
        if (sse != null) {
            sse.finish();
            return sse.usage() != null ? sse.usage() : Usage.NONE;
        }
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
            return new Usage(prompt, u.path("prompt_tokens_details").path("cached_tokens").asLong(), completion,
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
