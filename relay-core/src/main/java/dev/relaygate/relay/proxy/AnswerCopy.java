package dev.relaygate.relay.proxy;

import dev.relaygate.relay.sse.SseUsageScanner;
import io.vertx.core.buffer.Buffer;

/**
 * What an observing stage keeps of an answer as it passes: a stream is scanned event by event and never
 * kept, a JSON answer is kept whole up to {@link #MAX_JSON_BYTES} and dropped beyond that. Used on the
 * exchange's event loop only.
 */
final class AnswerCopy {

    /** The largest JSON answer kept whole (to read its usage, or as blue's answer for the shadow comparison). */
    static final int MAX_JSON_BYTES = 1 << 20;

    private final SseUsageScanner sse;
    private Buffer json;

    /** @param text where a stream's text goes as it is scanned, or null when it is not wanted */
    AnswerCopy(boolean stream, SseUsageScanner.DataListener text) {
        this.sse = stream ? new SseUsageScanner(text) : null;
        this.json = stream ? null : Buffer.buffer();
    }

    void add(Buffer chunk) {
        if (sse != null) {
            byte[] bytes = chunk.getBytes();
            sse.accept(bytes, 0, bytes.length);
        } else if (json != null) {
            json = json.length() + chunk.length() > MAX_JSON_BYTES ? null : json.appendBuffer(chunk);
        }
    }

    /** The stream's scanner, or null for a JSON answer. */
    SseUsageScanner stream() {
        return sse;
    }

    /** The whole JSON answer; null for a stream or an answer over {@link #MAX_JSON_BYTES}. */
    Buffer json() {
        return json;
    }
}
