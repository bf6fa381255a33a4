package dev.relaygate.relay.http;

/**
 * Which request targets the relay accepts: origin-form ({@code /path?query}) whose path reads the same to every
 * server behind the relay. Upstreams and the proxies in front of them decode {@code %2e}, {@code %2f} and
 * {@code %5c}, treat {@code \} as {@code /}, cut {@code ;params}, then resolve {@code .} and {@code ..}; a target
 * that could become a dot segment under any of those readings could climb out of an upstream's base path with
 * the relay's key ({@code /v1/../../admin}), so it is refused, not normalised, before anything is read or
 * forwarded. The query is not a path and is not inspected.
 *
 * <p>One pass over the path, no allocation: it runs for every request. The reasons are constants and never echo
 * the target (it may carry a key in its query).
 */
public final class RequestTargets {

    public static final String NOT_ORIGIN_FORM =
            "the request target must be a path starting with / (absolute-form and authority-form are not relayed)";
    public static final String DOT_SEGMENT =
            "the request path must not contain . or .. segments (plain, percent-encoded or before ;)";
    public static final String BACKSLASH = "the request path must not contain \\ (plain or %5C)";
    public static final String ENCODED_SLASH = "the request path must not contain an encoded / (%2F)";
    public static final String FRAGMENT = "the request target must not contain # (a fragment is never sent)";
    public static final String BAD_PERCENT_ENCODING = "the request path has a % that is not followed by two hex digits";
    public static final String CONTROL_CHARACTER = "the request path must not contain control characters";

    private RequestTargets() {}

    /** Why {@code uri} (the request line's target, as received) must be refused, or null when it is acceptable. */
    public static String refusal(String uri) {
        if (uri.isEmpty() || uri.charAt(0) != '/') {
            return NOT_ORIGIN_FORM;
        }
        int end = uri.length();
        int dots = 0; // '.' in the current segment's name, plain or encoded
        boolean onlyDots = true; // the segment's name (up to ';') is nothing but dots so far
        boolean inParams = false; // after ';': servlet containers drop the rest of the segment
        for (int i = 1; i <= end; i++) {
            char c = i == end ? '/' : uri.charAt(i); // the end closes the last segment
            if (c == '#') {
                return FRAGMENT;
            }
            if (c == '?') {
                end = i; // the query is not a path: close the last segment and stop
                c = '/';
            } else if (c == '%') {
                int high = i + 2 < uri.length() ? hex(uri.charAt(i + 1)) : -1;
                int low = i + 2 < uri.length() ? hex(uri.charAt(i + 2)) : -1;
                if (high < 0 || low < 0) {
                    return BAD_PERCENT_ENCODING;
                }
                c = (char) (high << 4 | low);
                if (c == '/') {
                    return ENCODED_SLASH;
                }
                i += 2;
            }
            if (c == '\\') {
                return BACKSLASH;
            }
            if (c < 0x20 || c == 0x7f) {
                return CONTROL_CHARACTER;
            }
            if (c == '/') {
                if (onlyDots && (dots == 1 || dots == 2)) {
                    return DOT_SEGMENT;
                }
                dots = 0;
                onlyDots = true;
                inParams = false;
            } else if (!inParams) {
                if (c == ';') {
                    inParams = true;
                } else if (c == '.') {
                    dots++;
                } else {
                    onlyDots = false;
                }
            }
        }
        return null;
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
