package dev.relaygate.relay.http;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code X-Request-ID} values: a client's id is reused when it is reasonable, otherwise one is
 * minted as 32 lowercase hex digits: a random per-process prefix and a counter. Unique per
 * process run without a random draw per request; one char array and one string per id.
 */
public final class RequestIds {

    /** Longest client-supplied id the relay passes on; longer ones are replaced. */
    public static final int MAX_LENGTH = 128;

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final long PREFIX = new SecureRandom().nextLong();
    private static final AtomicLong COUNTER = new AtomicLong(new SecureRandom().nextInt() & 0xffffffL);

    private RequestIds() {}

    /** A fresh id, unique within this process. */
    public static String mint() {
        char[] out = new char[32];
        writeHex(out, 0, PREFIX);
        writeHex(out, 16, COUNTER.getAndIncrement());
        return new String(out);
    }

    /** The client's id when acceptable (1..128 visible ASCII characters), else a minted one. */
    public static String reuseOrMint(String incoming) {
        return isAcceptable(incoming) ? incoming : mint();
    }

    /** Visible ASCII only, so an id can never smuggle header or log-line breaks. */
    public static boolean isAcceptable(CharSequence id) {
        if (id == null || id.length() == 0 || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static void writeHex(char[] out, int at, long value) {
        for (int i = 15; i >= 0; i--) {
            out[at + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }
}
