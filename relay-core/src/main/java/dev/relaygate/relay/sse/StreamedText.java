package dev.relaygate.relay.sse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The answer's text as an SSE stream passes: each event's {@code choices[0].delta.content} (chat) or
 * {@code choices[0].text} (completions), appended up to {@link #MAX_CHARS} so a long stream never
 * grows memory without bound. Used only for mirrored streams (shadow mode), on one event loop.
 */
public final class StreamedText implements SseUsageScanner.DataListener {

    /** Text kept per stream; the comparison needs words, not a whole novel. */
    public static final int MAX_CHARS = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder text = new StringBuilder();
    private boolean full;

    @Override
    public void data(byte[] buf, int from, int length) {
        if (full) {
            return;
        }
        try {
            JsonNode event = JSON.readTree(buf, from, length);
            if (event == null) {
                return;
            }
            JsonNode choice = event.path("choices").path(0);
            JsonNode piece = choice.path("delta").path("content");
            String s = piece.isTextual() ? piece.asText() : choice.path("text").asText("");
            int n = Math.min(s.length(), MAX_CHARS - text.length());
            if (n < s.length()) {
                full = true;
                if (n > 0 && Character.isHighSurrogate(s.charAt(n - 1))) {
                    n--; // never keep half of a character
                }
            }
            text.append(s, 0, n);
        } catch (IOException e) {
            // not JSON (a provider's keep-alive or comment payload): no text
        }
    }

    public String text() {
        return text.toString();
    }
}
