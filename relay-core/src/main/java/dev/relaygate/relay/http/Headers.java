package dev.relaygate.relay.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.Map;

/** Header names (pre-encoded once, so the hot path does not re-encode them) and copy rules. */
public final class Headers {

    public static final CharSequence X_REQUEST_ID = HttpHeaders.createOptimized("X-Request-ID");
    public static final CharSequence X_RELAY_ENVIRONMENT = HttpHeaders.createOptimized("X-Relay-Environment");
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

    private Headers() {}

    /**
     * Copies client headers to the upstream request, leaving out hop-by-hop headers, the
     * client's credentials, Host (the upstream's authority is set instead), Content-Length (set
     * from the body sent) and the relay's own control header. {@code traceparent},
     * {@code tracestate} and everything else pass unchanged.
     */
    public static void copyRequestHeaders(MultiMap from, MultiMap to) {
        for (Map.Entry<String, String> e : from) {
            String name = e.getKey();
            if (!isHopByHop(name)
                    && !name.equalsIgnoreCase("host")
                    && !name.equalsIgnoreCase("authorization")
                    && !name.equalsIgnoreCase("content-length")
                    && !name.equalsIgnoreCase("x-route-policy")
                    && !name.equalsIgnoreCase("x-request-id")) {
                to.add(name, e.getValue());
            }
        }
    }

    /** Copies upstream response headers to the client, leaving out hop-by-hop headers. */
    public static void copyResponseHeaders(MultiMap from, MultiMap to) {
        for (Map.Entry<String, String> e : from) {
            if (!isHopByHop(e.getKey())) {
                to.add(e.getKey(), e.getValue());
            }
        }
    }

    /** RFC 9110 section 7.6.1 connection-specific headers, never forwarded by a proxy. */
    static boolean isHopByHop(String name) {
        switch (name.length()) {
            case 2:
                return name.equalsIgnoreCase("te");
            case 7:
                return name.equalsIgnoreCase("trailer") || name.equalsIgnoreCase("upgrade");
            case 10:
                return name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("keep-alive");
            case 16:
                return name.equalsIgnoreCase("proxy-connection");
            case 17:
                return name.equalsIgnoreCase("transfer-encoding");
            case 18:
                return name.equalsIgnoreCase("proxy-authenticate");
            case 19:
                return name.equalsIgnoreCase("proxy-authorization");
            default:
                return false;
        }
    }
}
