package dev.relaygate.relay.http;

/**
 * Which request targets the relay accepts: origin-form ({@code /path?query}) whose path has no dot segment
 * ({@code .} or {@code ..}, plain or percent-encoded), no backslash and no encoded slash or backslash, and no
 * control character. Anything else could climb out of an upstream's base path with the relay's key
 * ({@code /v1/../../admin}), or be normalised differently by the upstream than by the relay; it is refused
 * before anything is read or forwarded. The query is not a path and is not checked.
 *
 * <p>One pass over the path, no allocation for an accepted target: it runs for every request.
 */
public final class RequestTargets {

    private RequestTargets() {}

    /** Why {@code uri} (the request line's target, as received) must be refused, or null when it is acceptable. */
    public static String refusal(String uri) {
        if (uri.isEmpty() || uri.charAt(0) != '/') {
            return "the request target must be a path starting with '/' (origin-form), but was "
                    + ErrorResponses.printable(uri);
        }
        int end = pathEnd(uri);
        int dots = 0; // decoded '.' characters in the current segment, -1 once it holds anything else
        for (int i = 1; i <= end; i++) {
            if (i == end || uri.charAt(i) == '/') {
                if (dots == 1 || dots == 2) {
                    return "the request path must not contain '.' or '..' segments (plain or percent-encoded), but was "
                            + ErrorResponses.printable(uri);
                }
                dots = 0;
                continue;
            }
            char c = uri.charAt(i);
            if (c == '\\') {
                return "the request path must not contain a backslash, but was " + ErrorResponses.printable(uri);
            }
            if (c < 0x20 || c == 0x7f) {
                return "the request path must not contain control characters, but was " + ErrorResponses.printable(uri);
            }
            char decoded = c;
            if (c == '%') {
                int high = i + 2 < end ? hex(uri.charAt(i + 1)) : -1;
                int low = i + 2 < end ? hex(uri.charAt(i + 2)) : -1;
                if (high < 0 || low < 0) {
                    return "the request path has a malformed percent-encoding, but was "
                            + ErrorResponses.printable(uri);
                }
                int value = high << 4 | low;
                if (value == '/' || value == '\\') {
                    return "the request path must not contain an encoded '/' or '\\', but was "
                            + ErrorResponses.printable(uri);
                }
                if (value < 0x20 || value == 0x7f) {
                    return "the request path must not contain control characters, but was "
                            + ErrorResponses.printable(uri);
                }
                decoded = (char) value;
                i += 2;
            }
            dots = decoded == '.' && dots >= 0 ? dots + 1 : -1;
        }
        return null;
    }

    private static int pathEnd(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '?' || c == '#') {
                return i;
            }
        }
        return uri.length();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
