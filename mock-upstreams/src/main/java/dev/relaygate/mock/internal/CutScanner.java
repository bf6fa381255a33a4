package dev.relaygate.mock.internal;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Watches the response bytes of one connection for the {@code X-Relaygate-Cut} header and finds where to cut:
 * after N SSE events (each ends with the only {@code "\n\n"} in it) or after N body bytes. Not thread-safe:
 * one instance per connection, fed from that connection's event loop only.
 */
final class CutScanner {

    static final int NO_CUT = -1;
    private static final byte[] MARKER =
            ("\r\n" + ChatResponder.CUT_HEADER.toLowerCase() + ":").getBytes(StandardCharsets.US_ASCII);

    private enum Phase {
        SEARCHING,
        VALUE,
        HEADERS,
        BODY
    }

    private Phase phase = Phase.SEARCHING;
    private int matched;
    private final StringBuilder value = new StringBuilder();
    private boolean countEvents;
    private long budget;
    private int headerTail;
    private byte previous;

    /**
     * Feeds the next bytes; returns how many of them to forward before cutting, or {@link #NO_CUT}.
     * The first byte of MARKER ('\r') does not recur in it, so the simple restart-on-mismatch match is exact.
     */
    int feed(Buffer bytes) {
        for (int i = 0, length = bytes.length(); i < length; i++) {
            byte b = bytes.getByte(i);
            switch (phase) {
                case SEARCHING -> {
                    byte lower = b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
                    matched = lower == MARKER[matched] ? matched + 1 : (lower == MARKER[0] ? 1 : 0);
                    if (matched == MARKER.length) {
                        phase = Phase.VALUE;
                    }
                }
                case VALUE -> {
                    if (b == '\r') {
                        parseValue();
                        phase = Phase.HEADERS;
                        headerTail = 1;
                    } else {
                        value.append((char) b);
                    }
                }
                case HEADERS -> {
                    // Looking for the blank line: "\r\n\r\n", of which '\r' was already seen.
                    headerTail = (b == "\r\n\r\n".charAt(headerTail)) ? headerTail + 1 : (b == '\r' ? 1 : 0);
                    if (headerTail == 4) {
                        phase = Phase.BODY;
                        if (budget == 0) {
                            return i + 1;
                        }
                    }
                }
                case BODY -> {
                    if (!countEvents || (b == '\n' && previous == '\n')) {
                        if (--budget == 0) {
                            return i + 1;
                        }
                        b = 0; // so "\n\n\n" is not counted twice
                    }
                    previous = b;
                }
                default -> throw new IllegalStateException("unknown phase " + phase);
            }
        }
        return NO_CUT;
    }

    private void parseValue() {
        String v = value.toString().trim();
        countEvents = v.startsWith("events=");
        budget = Long.parseLong(v.substring(v.indexOf('=') + 1));
    }
}
