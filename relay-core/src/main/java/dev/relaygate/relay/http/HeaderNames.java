package dev.relaygate.relay.http;

import io.netty.util.AsciiString;
import java.util.List;

/**
 * A fixed set of header names, matched case-insensitively without allocating: an open-addressing table of
 * pre-encoded names, probed with Netty's case-insensitive hash of the name as received.
 */
final class HeaderNames {

    private final AsciiString[] slots;
    private final int mask;

    HeaderNames(List<String> names) {
        int size = Integer.highestOneBit(Math.max(4, names.size() * 4) - 1) << 1;
        this.slots = new AsciiString[size];
        this.mask = size - 1;
        for (String name : names) {
            AsciiString key = AsciiString.of(name);
            int i = AsciiString.hashCode(key) & mask;
            while (slots[i] != null) {
                i = (i + 1) & mask;
            }
            slots[i] = key;
        }
    }

    boolean contains(CharSequence name) {
        int i = AsciiString.hashCode(name) & mask;
        for (AsciiString slot = slots[i]; slot != null; slot = slots[i = (i + 1) & mask]) {
            if (AsciiString.contentEqualsIgnoreCase(slot, name)) {
                return true;
            }
        }
        return false;
    }
}
