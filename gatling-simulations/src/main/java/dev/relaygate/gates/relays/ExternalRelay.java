package dev.relaygate.gates.relays;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Any OpenAI-compatible relay already running, named by {@code -Drelay.url} (with {@code -Drelay.key} and
 * {@code -Drelay.headers}, see {@link RelayHeaders}). Nothing is started or stopped. Its weights can be set
 * only when its headers name both weights, and it uses the harness's upstreams only when they name them.
 */
public final class ExternalRelay implements RelayUnderTest {

    public static final String NAME = "external";

    private final String url;
    private final String key;
    private final Map<String, String> template;
    private final Upstreams upstreams;
    private volatile Map<String, String> headers;

    private ExternalRelay(String url, String key, Map<String, String> template, Upstreams upstreams) {
        this.url = stripSlash(Objects.requireNonNull(url, "relay.url"));
        this.key = key;
        this.template = Map.copyOf(template);
        this.upstreams = upstreams;
        this.headers = RelayHeaders.substitute(template, upstreams, 100, 0);
    }

    /** What is known before any upstream exists: the header names and what the headers let the harness do. */
    public static RelaySpec spec(Map<String, String> headers) {
        boolean weights = RelayHeaders.namesWeights(headers);
        return new RelaySpec(
                NAME,
                RelayKind.EXTERNAL,
                new Capabilities(weights ? WeightControl.PER_REQUEST_CONFIG : WeightControl.NONE, false, true, false),
                headers.keySet(),
                RelayHeaders.namesUpstreams(headers));
    }

    /** {@code upstreams} are the harness's mocks, substituted into the header values that name them. */
    public static ExternalRelay of(String url, String key, Map<String, String> headers, Upstreams upstreams) {
        return new ExternalRelay(url, key, headers, upstreams);
    }

    private static String stripSlash(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.endsWith("/v1") ? u.substring(0, u.length() - 3) : u;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "OpenAI-compatible relay at " + url + ", external";
    }

    @Override
    public RelayKind kind() {
        return RelayKind.EXTERNAL;
    }

    @Override
    public String baseUrl() {
        return url;
    }

    @Override
    public String clientKey() {
        return key;
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public Set<String> headerNames() {
        return template.keySet();
    }

    @Override
    public Capabilities capabilities() {
        return spec(template).capabilities();
    }

    @Override
    public void setWeights(int blue, int green) {
        if (!RelayHeaders.namesWeights(template)) {
            throw new UnsupportedOperationException(
                    "the external relay's weights cannot be set: -Drelay.headers names no {blue_weight} and {green_weight}");
        }
        if (blue < 0 || green < 0 || blue + green != 100) {
            throw new IllegalArgumentException("weights must be >= 0 and sum to 100, but were " + blue + "/" + green);
        }
        headers = RelayHeaders.substitute(template, upstreams, blue, green);
    }

    @Override
    public OptionalLong cpuNanos() {
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        // started elsewhere, stopped elsewhere
    }
}
