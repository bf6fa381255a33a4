package dev.relaygate.relay.sse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.relaygate.relay.exchange.Usage;
import dev.relaygate.relay.json.ByteSearch;
import java.io.IOException;
import java.util.Arrays;

/**
 * Watches an SSE response chunk by chunk: counts {@code data:} events, notices {@code [DONE]} and
 * parses the usage event ({@code "usage":{...}}, sent last when {@code stream_options.include_usage}
 * is on). One instance per stream, used from one thread. Lines complete within a chunk are
 * scanned in place; only a line split across chunks is copied (bounded by {@link #MAX_LINE_BYTES}).
 * Vert.x-free (the jmh module benchmarks it).
 */
public final class SseUsageScanner {

    /** Longest SSE line kept across a chunk boundary; longer split lines are skipped. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final byte[] DATA = "data:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DONE = "[DONE]".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] USAGE_KEY = "\"usage\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Sees every {@code data:} payload but {@code [DONE]}, as bytes, while the scanner reads past it. */
    @FunctionalInterface
    public interface DataListener {
        void data(byte[] buf, int from, int length);
    }

    private final DataListener listener;
    private byte[] carry = new byte[0];
    private int carryLength;
    private boolean carryOverflow;
    private long events;
    private boolean done;
    private Usage usage;

    public SseUsageScanner() {
        this(null);
    }

    /** @param listener told each event's data payload; null for none */
    public SseUsageScanner(DataListener listener) {
        this.listener = listener;
    }

    /** Feeds the next chunk of the response body. */
    public void accept(byte[] chunk, int offset, int length) {
        int end = offset + length;
        int lineStart = offset;
        for (int i = offset; i < end; i++) {
            if (chunk[i] != '\n') {
                continue;
            }
            if (carryLength > 0 || carryOverflow) {
                appendCarry(chunk, lineStart, i - lineStart);
                if (!carryOverflow) {
                    line(carry, 0, carryLength);
                }
                carryLength = 0;
                carryOverflow = false;
            } else {
                line(chunk, lineStart, i - lineStart);
            }
            lineStart = i + 1;
        }
        if (lineStart < end) {
            appendCarry(chunk, lineStart, end - lineStart);
        }
    }

    /** Call at the end of the body: a last line without a newline is still an event. */
    public void finish() {
        if (carryLength > 0 && !carryOverflow) {
            line(carry, 0, carryLength);
        }
        carryLength = 0;
        carryOverflow = false;
    }

    /** {@code data:} lines seen so far, including {@code [DONE]}. */
    public long events() {
        return events;
    }

    /** Whether the {@code data: [DONE]} terminator arrived. */
    public boolean done() {
        return done;
    }

    /** The usage event's numbers, or null if none arrived yet. */
    public Usage usage() {
        return usage;
    }

    /**
     * Stateless variant: the usage in one chunk taken as whole lines, or null.
     */
    public static Usage findUsage(byte[] chunk, int offset, int length) {
        SseUsageScanner scanner = new SseUsageScanner();
        scanner.accept(chunk, offset, length);
        scanner.finish();
        return scanner.usage;
    }

    private void appendCarry(byte[] src, int from, int n) {
        if (carryOverflow || carryLength + n > MAX_LINE_BYTES) {
            carryOverflow = true;
            carryLength = 0;
            return;
        }
        if (carryLength + n > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(carryLength + n, Math.max(256, carry.length * 2)));
        }
        System.arraycopy(src, from, carry, carryLength, n);
        carryLength += n;
    }

    private void line(byte[] buf, int from, int n) {
        if (n > 0 && buf[from + n - 1] == '\r') {
            n--;
        }
        if (!startsWith(buf, from, n, DATA)) {
            return;
        }
        events++;
        int p = from + DATA.length;
        int end = from + n;
        while (p < end && buf[p] == ' ') {
            p++;
        }
        if (end - p == DONE.length && startsWith(buf, p, end - p, DONE)) {
            done = true;
            return;
        }
        if (listener != null) {
            listener.data(buf, p, end - p);
        }
        int key = ByteSearch.indexOf(buf, p, end, USAGE_KEY);
        if (key < 0) {
            return;
        }
        int q = key + USAGE_KEY.length;
        while (q < end && (buf[q] == ' ' || buf[q] == ':')) {
            q++;
        }
        if (q < end && buf[q] == '{') {
            Usage parsed = parse(buf, p, end - p);
            if (parsed != null) {
                usage = parsed;
            }
        }
    }

    /** Reads {@code usage} from one event's JSON; null when it is absent or not valid JSON. */
    static Usage parse(byte[] json, int offset, int length) {
        try (JsonParser p = JSON.createParser(json, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("usage".equals(name) && value == JsonToken.START_OBJECT) {
                    return readUsage(p);
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Usage readUsage(JsonParser p) throws IOException {
        long prompt = 0;
        long cached = 0;
        long completion = 0;
        long total = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "prompt_tokens" -> prompt = value.isNumeric() ? p.getLongValue() : 0;
                case "completion_tokens" -> completion = value.isNumeric() ? p.getLongValue() : 0;
                case "total_tokens" -> total = value.isNumeric() ? p.getLongValue() : 0;
                case "prompt_tokens_details" -> cached = readCached(p, value);
                default -> p.skipChildren();
            }
        }
        return new Usage(prompt, cached, completion, total == 0 ? prompt + completion : total);
    }

    private static long readCached(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            return 0;
        }
        long cached = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("cached_tokens".equals(name) && v.isNumeric()) {
                cached = p.getLongValue();
            } else {
                p.skipChildren();
            }
        }
        return cached;
    }

    private static boolean startsWith(byte[] buf, int from, int n, byte[] prefix) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
