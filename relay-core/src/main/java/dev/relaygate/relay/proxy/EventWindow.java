package dev.relaygate.relay.proxy;

import dev.relaygate.relay.sse.SseUsageScanner;
import io.vertx.core.buffer.Buffer;

/**
 * {@code streaming.buffer_events}: holds the start of a stream until {@code needed} SSE events
 * arrived (or the stream ended), so a green stream that fails that early can be replayed from blue
 * before the client saw a byte. Memory is bounded by those first events. One per attempt, used on
 * its event loop only.
 */
final class EventWindow implements StreamInterceptor {

    private final int needed;
    private final SseUsageScanner counter = new SseUsageScanner();
    private Buffer held = Buffer.buffer();
    private boolean spent;

    EventWindow(int needed) {
        this.needed = needed;
    }

    /** Holds {@code out} and counts the events in {@code raw}; once the window is full, releases all it held. */
    @Override
    public Buffer onChunk(Buffer raw, Buffer out) {
        if (spent) {
            return out;
        }
        held.appendBuffer(out);
        byte[] bytes = raw.getBytes();
        counter.accept(bytes, 0, bytes.length);
        if (counter.events() < needed) {
            return Buffer.buffer();
        }
        return release();
    }

    @Override
    public Buffer onEnd(Buffer tail) {
        if (spent) {
            return tail;
        }
        return release().appendBuffer(tail);
    }

    @Override
    public boolean holding() {
        return !spent;
    }

    /** The bytes held so far; the window is spent afterwards. */
    private Buffer release() {
        spent = true;
        Buffer out = held;
        held = null;
        return out;
    }
}
