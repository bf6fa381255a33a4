package dev.relaygate.mock.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Frames SSE events to one common byte length, so WireMock's {@code withChunkedDribbleDelay(n, ...)}, which
 * cuts the body into n equal byte chunks, delivers exactly one whole event per chunk.
 *
 * <p>Each event is {@code ":<spaces>\n" + "data: <payload>\n\n"}: the leading SSE comment line carries the
 * padding, so every data line (including {@code data: [DONE]}) stays byte-exact.
 */
public final class SseBody {

    public static final String DONE = "[DONE]";

    private SseBody() {}

    /** Events for the payloads, then {@code [DONE]} when {@code done}; all events have the same length. */
    public static byte[][] frame(List<String> payloads, boolean done) {
        List<String> texts = new ArrayList<>(payloads.size() + 1);
        for (String payload : payloads) {
            texts.add("data: " + payload + "\n\n");
        }
        if (done) {
            texts.add("data: " + DONE + "\n\n");
        }
        return frameEvents(texts);
    }

    /** Pads whole event texts (each ending in its only {@code "\n\n"}) to one length with a leading comment line. */
    public static byte[][] frameEvents(List<String> eventTexts) {
        int count = eventTexts.size();
        byte[][] data = new byte[count][];
        int longest = 0;
        for (int i = 0; i < count; i++) {
            data[i] = eventTexts.get(i).getBytes(StandardCharsets.UTF_8);
            longest = Math.max(longest, data[i].length);
        }
        int eventLength = longest + 2; // the shortest comment line is ":\n"
        byte[][] events = new byte[count][];
        for (int i = 0; i < count; i++) {
            byte[] event = new byte[eventLength];
            int pad = eventLength - data[i].length;
            event[0] = ':';
            Arrays.fill(event, 1, pad - 1, (byte) ' ');
            event[pad - 1] = '\n';
            System.arraycopy(data[i], 0, event, pad, data[i].length);
            events[i] = event;
        }
        return events;
    }

    /** The events concatenated. */
    public static byte[] join(byte[][] events, int count) {
        int length = count == 0 ? 0 : events[0].length;
        byte[] body = new byte[length * count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(events[i], 0, body, i * length, length);
        }
        return body;
    }
}
