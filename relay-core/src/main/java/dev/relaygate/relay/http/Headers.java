package dev.relaygate.relay.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Header names (pre-encoded once, so the hot path does not re-encode them) and copy rules. */
public final class Headers {

    public static final CharSequence X_REQUEST_ID = HttpHeaders.createOptimized("X-Request-ID");
    public static final CharSequence X_RELAY_ENVIRONMENT = HttpHeaders.createOptimized("X-Relay-Environment");
    public static final CharSequence X_RELAY_MEMBER = HttpHeaders.createOptimized("X-Relay-Member");
    public static final CharSequence X_ROUTE_POLICY = HttpHeaders.createOptimized("X-Route-Policy");
    public static final CharSequence TRACEPARENT = HttpHeaders.createOptimized("traceparent");
    public static final CharSequence AUTHORIZATION = HttpHeaders.AUTHORIZATION;
    public static final CharSequence CONTENT_TYPE = HttpHeaders.CONTENT_TYPE;
    public static final CharSequence CONTENT_LENGTH = HttpHeaders.CONTENT_LENGTH;
    public static final CharSequence ALLOW = HttpHeaders.ALLOW;
    public static final CharSequence WWW_AUTHENTICATE = HttpHeaders.createOptimized("WWW-Authenticate");
    public static final CharSequence APPLICATION_JSON = HttpHeaders.createOptimized("application/json");
    public static final CharSequence BLUE = HttpHeaders.createOptimized("blue");
    public static final CharSequence GREEN = HttpHeaders.createOptimized("green");

    /** RFC 9110 section 7.6.1 connection-specific headers: never forwarded by a proxy, either way. */
    private static final List<String> HOP_BY_HOP = List.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "proxy-authenticate",
            "proxy-authorization");

    /**
     * Removed towards the upstream: hop-by-hop headers; Host and Content-Length (the relay sets the upstream's
     * authority and the length of the body it sends); the client's credentials of any scheme (the relay sends
     * its own key); client-asserted origin headers (the relay does not vouch for them); the relay's own control
     * headers ({@code X-Request-ID} is set again by the relay). Any {@code X-Forwarded-*} and {@code X-Relay-*}
     * header, any header whose name ends in {@code api-key} or {@code apikey} (a key by any vendor's name), and
     * any header the client's {@code Connection} header names, are removed too.
     */
    private static final HeaderNames NOT_TO_UPSTREAM = new HeaderNames(concat(
            HOP_BY_HOP,
            List.of(
                    "host",
                    "content-length",
                    "expect",
                    "authorization",
                    "cookie",
                    "cookie2",
                    "ocp-apim-subscription-key",
                    "x-auth-token",
                    "x-amz-security-token",
                    "forwarded",
                    "x-real-ip",
                    "x-client-ip",
                    "true-client-ip",
                    "x-route-policy",
                    "x-request-id")));

    /**
     * Removed towards the client: hop-by-hop headers; cookies (the upstream session belongs to the relay's key,
     * not to the client); headers that describe the upstream's server or a mock's internals. Any
     * {@code X-Relay-*} header is removed too: only the relay sets those.
     */
    private static final HeaderNames NOT_TO_CLIENT = new HeaderNames(concat(
            HOP_BY_HOP,
            List.of(
                    "set-cookie",
                    "set-cookie2",
                    "server",
                    "x-powered-by",
                    "alt-svc",
                    "matched-stub-id",
                    "matched-stub-name")));

    private static final String X_FORWARDED_PREFIX = "x-forwarded-";
    private static final String X_RELAY_PREFIX = "x-relay-";
    private static final String API_KEY_SUFFIX = "api-key";
    private static final String APIKEY_SUFFIX = "apikey";

    private Headers() {}

    /** Copies client headers to the upstream request, leaving out what {@link #NOT_TO_UPSTREAM} says. */
    public static void copyRequestHeaders(MultiMap from, MultiMap to) {
        String connection = from.get(HttpHeaders.CONNECTION);
        for (Map.Entry<String, String> e : from) {
            String name = e.getKey();
            if (forwardedUpstream(name) && (connection == null || !namedBy(connection, name))) {
                to.add(name, e.getValue());
            }
        }
    }

    /** Copies upstream response headers to the client, leaving out what {@link #NOT_TO_CLIENT} says. */
    public static void copyResponseHeaders(MultiMap from, MultiMap to) {
        String connection = from.get(HttpHeaders.CONNECTION);
        for (Map.Entry<String, String> e : from) {
            String name = e.getKey();
            if (forwardedToClient(name) && (connection == null || !namedBy(connection, name))) {
                to.add(name, e.getValue());
            }
        }
    }

    private static boolean forwardedUpstream(String name) {
        return !NOT_TO_UPSTREAM.contains(name)
                && !hasPrefix(name, X_FORWARDED_PREFIX)
                && !hasPrefix(name, X_RELAY_PREFIX)
                && !hasSuffix(name, API_KEY_SUFFIX)
                && !hasSuffix(name, APIKEY_SUFFIX);
    }

    private static boolean forwardedToClient(String name) {
        return !NOT_TO_CLIENT.contains(name) && !hasPrefix(name, X_RELAY_PREFIX);
    }

    private static boolean hasPrefix(String name, String lowerPrefix) {
        return name.regionMatches(true, 0, lowerPrefix, 0, lowerPrefix.length());
    }

    private static boolean hasSuffix(String name, String lowerSuffix) {
        int from = name.length() - lowerSuffix.length();
        return from >= 0 && name.regionMatches(true, from, lowerSuffix, 0, lowerSuffix.length());
    }

    /** Whether the comma-separated {@code Connection} value names {@code name} (those are hop-by-hop too). */
    static boolean namedBy(String connection, String name) {
        int start = 0;
        int n = connection.length();
        while (start < n) {
            int end = connection.indexOf(',', start);
            if (end < 0) {
                end = n;
            }
            int from = start;
            int to = end;
            while (from < to && connection.charAt(from) <= ' ') {
                from++;
            }
            while (to > from && connection.charAt(to - 1) <= ' ') {
                to--;
            }
            if (to - from == name.length() && connection.regionMatches(true, from, name, 0, name.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
