package dev.relaygate.relay.json;

/** Byte-level search for the SSE scanners, which work on the wire bytes without decoding them. */
public final class ByteSearch {

    private ByteSearch() {}

    /** The first index in {@code buf[from, end)} where {@code needle} starts, or -1. */
    public static int indexOf(byte[] buf, int from, int end, byte[] needle) {
        outer:
        for (int i = from; i <= end - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (buf[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
