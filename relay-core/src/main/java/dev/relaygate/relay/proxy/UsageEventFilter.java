package dev.relaygate.relay.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.relay.json.ByteSearch;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Removes the usage-only SSE event ({@code "choices":[]} with a {@code "usage"} object) from a
 * stream whose client did not ask for usage; every other event passes unchanged and in order.
 *
 * <p>Events may be split across chunks: complete events (ending in a blank line) are forwarded at
 * once, only the unfinished tail of the last event is held until its end arrives, so at most one
 * event is ever buffered. One instance per stream, used on its event loop only.
 */
final class UsageEventFilter implements StreamInterceptor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] USAGE_KEY = "\"usage\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

    private Buffer pending = Buffer.buffer();
    private int removed;

    /** Filters what the stages before passed on; the raw bytes are not needed. */
    @Override
    public Buffer onChunk(Buffer raw, Buffer out) {
        return accept(out);
    }

    /** The held tail of the last event, filtered, after what the stages before released. */
    @Override
    public Buffer onEnd(Buffer tail) {
        return tail.appendBuffer(finish());
    }

    /** The bytes to forward for this chunk (possibly empty). */
    Buffer accept(Buffer chunk) {
        Buffer in = pending.length() == 0 ? chunk : pending.appendBuffer(chunk);
        byte[] bytes = in.getBytes();
        Buffer out = Buffer.buffer(bytes.length);
        int eventStart = 0;
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            int lineLength = i - lineStart;
            if (lineLength == 0 || (lineLength == 1 && bytes[lineStart] == '\r')) {
                // A blank line ends the event [eventStart, i].
                emit(bytes, eventStart, i + 1, out);
                eventStart = i + 1;
            }
            lineStart = i + 1;
        }
        pending = Buffer.buffer().appendBytes(bytes, eventStart, bytes.length - eventStart);
        return out;
    }

    /** At the end of the body: the held tail (an event without its blank line), filtered too. */
    Buffer finish() {
        Buffer out = Buffer.buffer();
        if (pending.length() > 0) {
            byte[] bytes = pending.getBytes();
            emit(bytes, 0, bytes.length, out);
            pending = Buffer.buffer();
        }
        return out;
    }

    /** Usage-only events removed so far. */
    int removed() {
        return removed;
    }

    private void emit(byte[] bytes, int from, int to, Buffer out) {
        if (usageOnly(bytes, from, to)) {
            removed++;
        } else {
            out.appendBytes(bytes, from, to - from);
        }
    }

    /** Whether the event's data is a JSON object with an empty {@code choices} and a {@code usage} object. */
    static boolean usageOnly(byte[] bytes, int from, int to) {
        if (ByteSearch.indexOf(bytes, from, to, USAGE_KEY) < 0) {
            return false; // the common case: no parse
        }
        StringBuilder data = new StringBuilder();
        int lineStart = from;
        for (int i = from; i <= to; i++) {
            if (i < to && bytes[i] != '\n') {
                continue;
            }
            int end = i > lineStart && bytes[i - 1] == '\r' ? i - 1 : i;
            if (end - lineStart >= DATA.length
                    && ByteSearch.indexOf(bytes, lineStart, lineStart + DATA.length, DATA) == lineStart) {
                int p = lineStart + DATA.length;
                if (p < end && bytes[p] == ' ') {
                    p++;
                }
                data.append(new String(bytes, p, end - p, StandardCharsets.UTF_8))
                        .append('\n');
            }
            lineStart = i + 1;
        }
        try {
            JsonNode node = JSON.readTree(data.toString());
            return node != null
                    && node.path("usage").isObject()
                    && node.path("choices").isArray()
                    && node.path("choices").isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
