package dev.relaygate.relay.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.relaygate.relay.json.BodyPeek.Result;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One pass over the bytes: top-level names compared as raw bytes, every skipped value checked
 * against the JSON grammar (strings: escapes, control characters, well-formed UTF-8), string
 * contents skipped eight bytes at a time. {@link #run()} returns null for "not settled here".
 */
final class TopLevelScan {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final byte[] MODEL = {'m', 'o', 'd', 'e', 'l'};
    private static final byte[] STREAM = {'s', 't', 'r', 'e', 'a', 'm'};
    // Well below Jackson's default StreamReadConstraints (depth 1000, numbers 1000 chars,
    // names 50,000 chars, strings 20M chars): beyond these the scan defers to Jackson.
    private static final int MAX_DEPTH = 62;
    private static final int MAX_NUMBER_BYTES = 100;
    private static final int MAX_STRING_BYTES = 1_000_000;
    private static final int MAX_NAME_BYTES = 1_000;
    // skipString() results
    private static final int INVALID = -1;
    private static final int PLAIN = 0;
    private static final int ESCAPED_OR_UTF8 = 1;

    private final byte[] b;
    private final int end;
    private int pos;

    TopLevelScan(byte[] body, int from, int to) {
        this.b = body;
        this.pos = from;
        this.end = to;
    }

    Result run() {
        skipWhitespace();
        if (pos >= end || b[pos] != '{') {
            return null;
        }
        pos++;
        skipWhitespace();
        String model = null;
        boolean modelSeen = false;
        boolean stream = false;
        boolean streamSeen = false;
        if (pos < end && b[pos] == '}') {
            pos++;
            return onlyWhitespaceLeft() ? new Result(null, false) : null;
        }
        while (true) {
            if (pos >= end || b[pos] != '"') {
                return null;
            }
            int nameStart = pos + 1;
            if (skipString() != PLAIN) {
                return null; // invalid, or escapes: Jackson decodes names before comparing
            }
            int nameEnd = pos - 1;
            if (nameEnd - nameStart > MAX_NAME_BYTES || !colon()) {
                return null;
            }
            if (nameIs(nameStart, nameEnd, MODEL)) {
                if (pos >= end || b[pos] != '"') {
                    return null;
                }
                int quote = pos;
                int kind = skipString();
                if (kind == INVALID || (model = decode(quote, kind)) == null) {
                    return null;
                }
                modelSeen = true;
            } else if (nameIs(nameStart, nameEnd, STREAM)) {
                if (literal("true")) {
                    stream = true;
                } else if (literal("false") || literal("null")) {
                    stream = false;
                } else {
                    return null;
                }
                streamSeen = true;
            } else if (!skipValue()) {
                return null;
            }
            if (modelSeen && streamSeen) {
                return new Result(model, stream);
            }
            skipWhitespace();
            if (pos >= end) {
                return null;
            }
            byte c = b[pos++];
            if (c == '}') {
                return onlyWhitespaceLeft() ? new Result(model, stream) : null;
            }
            if (c != ',') {
                return null;
            }
            skipWhitespace();
        }
    }

    /** Skips one complete value at the cursor, checking its grammar; false if it is not valid. */
    private boolean skipValue() {
        long objects = 0; // bit i set: container at depth i + 1 is an object
        int depth = 0;
        while (true) {
            skipWhitespace();
            if (pos >= end) {
                return false;
            }
            byte c = b[pos];
            if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    return false;
                }
                boolean object = c == '{';
                objects = (objects << 1) | (object ? 1 : 0);
                pos++;
                skipWhitespace();
                if (pos < end && b[pos] == (object ? '}' : ']')) {
                    pos++;
                    depth--;
                    objects >>>= 1;
                } else {
                    if (object && !name()) {
                        return false;
                    }
                    continue; // now expecting the first value
                }
            } else if (!scalar(c)) {
                return false;
            }
            // After a value: close containers or move to the next element.
            while (true) {
                if (depth == 0) {
                    return true;
                }
                skipWhitespace();
                if (pos >= end) {
                    return false;
                }
                boolean object = (objects & 1) != 0;
                c = b[pos++];
                if (c == ',') {
                    skipWhitespace();
                    if (object && !name()) {
                        return false;
                    }
                    break;
                }
                if (c != (object ? '}' : ']')) {
                    return false;
                }
                depth--;
                objects >>>= 1;
            }
        }
    }

    private boolean scalar(byte c) {
        if (c == '"') {
            return skipString() != INVALID;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        return literal("true") || literal("false") || literal("null");
    }

    /** A member name and its colon, the cursor on the name's opening quote. */
    private boolean name() {
        int start = pos;
        return pos < end && b[pos] == '"' && skipString() != INVALID && pos - start <= MAX_NAME_BYTES && colon();
    }

    private boolean colon() {
        skipWhitespace();
        if (pos >= end || b[pos] != ':') {
            return false;
        }
        pos++;
        skipWhitespace();
        return true;
    }

    /** A literal followed by the end or a delimiter (Jackson rejects {@code truex}). */
    private boolean literal(String word) {
        int n = word.length();
        if (end - pos < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        int after = pos + n;
        if (after < end && !isDelimiter(b[after])) {
            return false;
        }
        pos = after;
        return true;
    }

    /** RFC 8259 number: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
    private boolean number() {
        int start = pos;
        if (b[pos] == '-') {
            pos++;
        }
        if (pos >= end) {
            return false;
        }
        if (b[pos] == '0') {
            pos++;
        } else if (!digits()) {
            return false;
        }
        if (pos < end && b[pos] == '.') {
            pos++;
            if (!digits()) {
                return false;
            }
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
                pos++;
            }
            if (!digits()) {
                return false;
            }
        }
        return pos - start <= MAX_NUMBER_BYTES && (pos == end || isDelimiter(b[pos]));
    }

    private boolean digits() {
        int start = pos;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            pos++;
        }
        return pos > start;
    }

    /**
     * Skips the string whose opening quote is at the cursor, leaving the cursor after its closing
     * quote. Returns {@link #PLAIN} (printable ASCII only), {@link #ESCAPED_OR_UTF8} or {@link #INVALID}.
     */
    private int skipString() {
        int start = ++pos;
        int kind = PLAIN;
        while (true) {
            pos = skipPlain(b, pos, end);
            if (pos >= end) {
                return INVALID;
            }
            int c = b[pos] & 0xff;
            if (c == '"') {
                pos++;
                return pos - start > MAX_STRING_BYTES ? INVALID : kind;
            }
            if (c == '\\') {
                if (!escape()) {
                    return INVALID;
                }
                kind = ESCAPED_OR_UTF8;
            } else if (c < 0x20) {
                return INVALID;
            } else if (c >= 0x80) {
                if (!utf8(c)) {
                    return INVALID;
                }
                kind = ESCAPED_OR_UTF8;
            } else {
                pos++;
            }
        }
    }

    /**
     * The index of the first byte from {@code from} that may be a quote, a backslash, a control
     * character or non-ASCII, looking at 32 and then 8 bytes at a time (SWAR); stops early, never
     * late, when fewer than 8 bytes remain. A flagged word may flag bytes above a real hit, never
     * below it, so the lowest flag is exact.
     */
    private static int skipPlain(byte[] b, int from, int end) {
        int p = from;
        while (end - p >= 4 * Long.BYTES) {
            long hits = special((long) LONGS.get(b, p))
                    | special((long) LONGS.get(b, p + 8))
                    | special((long) LONGS.get(b, p + 16))
                    | special((long) LONGS.get(b, p + 24));
            if (hits != 0) {
                break;
            }
            p += 4 * Long.BYTES;
        }
        while (end - p >= Long.BYTES) {
            long hits = special((long) LONGS.get(b, p));
            if (hits != 0) {
                return p + (Long.numberOfTrailingZeros(hits) >>> 3);
            }
            p += Long.BYTES;
        }
        return p;
    }

    /** High bit set in each byte of {@code w} that is a quote, a backslash, below 0x20 or above 0x7f. */
    private static long special(long w) {
        long quote = w ^ ('"' * ONES);
        long slash = w ^ ('\\' * ONES);
        return (((w - 0x20 * ONES) & ~w) | ((quote - ONES) & ~quote) | ((slash - ONES) & ~slash) | w) & HIGHS;
    }

    private boolean escape() {
        if (end - pos < 2) {
            return false;
        }
        switch (b[pos + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                pos += 2;
                return true;
            }
            case 'u' -> {
                if (end - pos < 6) {
                    return false;
                }
                for (int i = pos + 2; i < pos + 6; i++) {
                    if (Character.digit(b[i], 16) < 0) {
                        return false;
                    }
                }
                pos += 6;
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** One well-formed UTF-8 sequence (RFC 3629: no overlongs, no surrogates, at most U+10FFFF). */
    private boolean utf8(int lead) {
        int n;
        int min = 0x80;
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 2;
            min = lead == 0xE0 ? 0xA0 : 0x80;
            max = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 3;
            min = lead == 0xF0 ? 0x90 : 0x80;
            max = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        if (end - pos <= n) {
            return false;
        }
        int second = b[pos + 1] & 0xff;
        if (second < min || second > max) {
            return false;
        }
        for (int i = pos + 2; i <= pos + n; i++) {
            if ((b[i] & 0xc0) != 0x80) {
                return false;
            }
        }
        pos += n + 1;
        return true;
    }

    /** The model string whose opening quote is at {@code quote} (the cursor is after its end). */
    private String decode(int quote, int kind) {
        if (kind == PLAIN) {
            return new String(b, quote + 1, pos - quote - 2, StandardCharsets.ISO_8859_1);
        }
        // Escapes or non-ASCII: let Jackson decode just this string token.
        try (JsonParser p = JSON.createParser(b, quote, pos - quote)) {
            return p.nextToken() == JsonToken.VALUE_STRING ? p.getText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private boolean nameIs(int from, int to, byte[] expected) {
        return Arrays.equals(b, from, to, expected, 0, expected.length);
    }

    private boolean onlyWhitespaceLeft() {
        skipWhitespace();
        return pos == end;
    }

    private void skipWhitespace() {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private static boolean isDelimiter(byte c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
