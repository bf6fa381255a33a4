package dev.relaygate.relay.proxy;

import dev.relaygate.relay.sse.SseUsageScanner;
import io.vertx.core.buffer.Buffer;

/**
 * {@code streaming.buffer_events}: holds the start of a stream until {@code needed} SSE events
 * arrived (or the stream ended), so a green stream that fails that early can be replayed from blue
 * before the client saw a byte. Memory is bounded by those first events. One per attempt, used on
 * its event loop only.
 */
final class EventWindow {

    private final int needed;
    private final SseUsageScanner counter = new SseUsageScanner();
    private Buffer held = Buffer.buffer();

    EventWindow(int needed) {
        this.needed = needed;
    }

    /**
     * Holds {@code forward} (what the client would get of this chunk) and counts the events in
     * {@code raw}; true once the window is full and the held bytes should go out.
     */
    boolean hold(Buffer raw, Buffer forward) {
        held.appendBuffer(forward);
        byte[] bytes = raw.getBytes();
        counter.accept(bytes, 0, bytes.length);
        return counter.events() >= needed;
    }

    /** The bytes held so far; the window is spent afterwards. */
    Buffer release() {
        Buffer out = held;
        held = Buffer.buffer();
        return out;
    }
}
