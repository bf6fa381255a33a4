package dev.relaygate.relay.proxy;

/** Byte-level search for the SSE scanners, which work on the wire bytes without decoding them. */
final class ByteSearch {

    private ByteSearch() {
    }

    /** The first index in {@code buf[from, end)} where {@code needle} starts, or -1. */
    static int indexOf(byte[] buf, int from, int end, byte[] needle) {
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
