package dev.relaygate.relay.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a bound {@link RelayConfig}. Collects every problem (not just the first) so one run of
 * the relay shows them all; each names the field's path, the rule and the bad value, and carries
 * the path as a value too. Secret values are never echoed.
 */
public final class ConfigValidator {

    private final List<ConfigProblem> problems = new ArrayList<>();

    private ConfigValidator() {}

    public static List<ConfigProblem> validate(RelayConfig config) {
        ConfigValidator v = new ConfigValidator();
        v.server(config.server());
        v.environments(config.environments());
        v.routing(config.routing());
        v.models(config.models());
        for (int i = 0; i < config.clientKeys().size(); i++) {
            Secret key = config.clientKeys().get(i);
            if (key == null || key.isBlank()) {
                v.problem("client_keys[" + i + "]", "must be a non-empty key, but was empty");
            }
        }
        Secret adminToken = config.admin().token();
        if (adminToken != null && adminToken.isBlank()) {
            // An empty RELAYGATE_ADMIN_TOKEN must not quietly switch the control paths off.
            v.problem(
                    "admin.token",
                    "must be a non-empty token, but was empty (is the variable it names set to an empty value?);"
                            + " to run without an admin API, leave the admin section out");
        }
        v.upstream(config.upstream());
        v.range("limits.max_body_bytes", config.limits().maxBodyBytes(), 1, 1L << 30);
        v.range("streaming.idle_timeout_ms", config.streaming().idleTimeoutMs(), 0, 3_600_000);
        v.range("streaming.buffer_events", config.streaming().bufferEvents(), 0, 10_000);
        v.range("health_check_interval_seconds", config.healthCheckIntervalSeconds(), 0, 86_400);
        v.range("request_log.retention_hours", config.requestLog().retentionHours(), 1, 87_600);
        v.range("request_log.shadow_retention_hours", config.requestLog().shadowRetentionHours(), 1, 87_600);
        v.range("request_log.queue_capacity", config.requestLog().queueCapacity(), 1, 10_000_000);
        v.unit("shadow.sample_rate", config.shadow().sampleRate());
        v.unit("shadow.token_tolerance", config.shadow().tokenTolerance());
        v.range("shadow.queue_capacity", config.shadow().queueCapacity(), 1, 1_000_000);
        if (config.cluster() != null) {
            v.cluster(config.cluster());
        }
        if (config.stateFile() != null) {
            try {
                java.nio.file.Path.of(config.stateFile());
            } catch (java.nio.file.InvalidPathException e) {
                v.problem("state_file", "must be a file path, but was " + quote(config.stateFile()));
            }
        }
        return List.copyOf(v.problems);
    }

    /** Checks a {@code routing} section on its own (the {@code PATCH /v1/routing/policy} body). */
    public static List<ConfigProblem> validateRouting(RoutingConfig routing) {
        ConfigValidator v = new ConfigValidator();
        v.routing(routing);
        return List.copyOf(v.problems);
    }

    private void cluster(ClusterConfig c) {
        if (c.name().isBlank()) {
            problem("cluster.name", "must be a non-empty cluster name, but was empty");
        }
        if (!isIpLiteral(c.host())) {
            problem(
                    "cluster.host",
                    "must be one IP address (the interface the cluster port binds to; it has no authentication),"
                            + " but was " + quote(c.host()));
        }
        range("cluster.port", c.port(), 1, 65_535);
        range("cluster.failure_detection_seconds", c.failureDetectionSeconds(), 2, 300);
        range("cluster.heartbeat_interval_seconds", c.heartbeatIntervalSeconds(), 1, 60);
        if (c.heartbeatIntervalSeconds() >= c.failureDetectionSeconds()) {
            problem(
                    "cluster.heartbeat_interval_seconds",
                    "must be below cluster.failure_detection_seconds (" + c.failureDetectionSeconds() + "), but was "
                            + c.heartbeatIntervalSeconds());
        }
        range("cluster.reconcile_interval_ms", c.reconcileIntervalMs(), 100, 60_000);
        if (c.usesKubernetes()) {
            if (c.expectedMembers() != null) {
                range("cluster.expected_members", c.expectedMembers(), 1, 1_000);
            }
            return;
        }
        if (c.expectedMembers() != c.members().size() && !c.members().isEmpty()) {
            problem(
                    "cluster.expected_members",
                    "must be left out or equal the number of cluster.members ("
                            + c.members().size()
                            + "): it is the fleet's size only with cluster.kubernetes, but was "
                            + c.expectedMembers());
        }
        if (c.members().isEmpty()) {
            problem(
                    "cluster.members",
                    "must list every member's host:port (this one included), or set cluster.kubernetes, but was"
                            + " empty");
            return;
        }
        for (int i = 0; i < c.members().size(); i++) {
            String member = c.members().get(i);
            int colon = member == null ? -1 : member.lastIndexOf(':');
            Integer port = colon < 0 ? null : parsePort(member.substring(colon + 1));
            if (colon < 0 || port == null || !isIpLiteral(member.substring(0, colon))) {
                problem(
                        "cluster.members[" + i + "]",
                        "must be an IP address and port (host:port), but was " + quote(member));
            }
        }
        if (!c.members().contains(c.host() + ":" + c.port())) {
            problem(
                    "cluster.members",
                    "must include this member (" + c.host() + ":" + c.port() + ", from cluster.host and"
                            + " cluster.port), but was " + c.members());
        }
    }

    private static Integer parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port >= 1 && port <= 65_535 ? port : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A literal IPv4 or IPv6 address, never a name: resolving a name here could block or reach a resolver. */
    private static boolean isIpLiteral(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.contains(":")) {
            return h.matches("[0-9a-fA-F:.]+");
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private void server(ServerConfig s) {
        if (s.host().isBlank()) {
            problem("server.host", "must be a host name or address, but was empty");
        }
        range("server.port", s.port(), 0, 65_535);
        range("server.drain_timeout_ms", s.drainTimeoutMs(), 0, 600_000);
        range("server.event_loops", s.eventLoops(), 1, 256);
        // 0 derives the limit from the open-file limit at start; an explicit value is checked against
        // that limit when the relay starts (it is a fact of the process, not of the file).
        range("server.max_connections", s.maxConnections(), 0, 1_000_000);
        range("server.header_read_timeout_ms", s.headerReadTimeoutMs(), 1, 600_000);
        range("server.body_idle_timeout_ms", s.bodyIdleTimeoutMs(), 1, 600_000);
        range("server.idle_timeout_ms", s.idleTimeoutMs(), 1, 3_600_000);
    }

    private void environments(EnvironmentsConfig e) {
        if (e == null) {
            problem("environments", "must define blue and green, but was missing");
            return;
        }
        environment("environments.blue", e.blue());
        environment("environments.green", e.green());
    }

    private void environment(String path, EnvironmentConfig e) {
        if (e == null) {
            problem(path, "must be defined (name, base_url, api_key), but was missing");
            return;
        }
        if (e.name() == null || e.name().isBlank()) {
            problem(path + ".name", "must be a non-empty name, but was " + quote(e.name()));
        }
        baseUrl(path + ".base_url", e.baseUrl());
        if (e.apiKey() == null || e.apiKey().isBlank()) {
            problem(path + ".api_key", "must be a non-empty key, but was empty");
        }
    }

    private void baseUrl(String path, String rawUrl) {
        if (rawUrl == null || rawUrl.isBlank()) {
            problem(path, "must be an absolute http(s) URL, but was " + quote(rawUrl));
            return;
        }
        String url = withoutUserInfo(rawUrl);
        try {
            URI uri = new URI(rawUrl);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problem(path, "must be an absolute http(s) URL with a host, but was " + quote(url));
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problem(path, "must not carry a query, fragment or user info, but was " + quote(url));
            }
        } catch (URISyntaxException ex) {
            problem(path, "must be an absolute http(s) URL, but was " + quote(url));
        }
    }

    private void routing(RoutingConfig r) {
        try {
            RoutingStrategy.fromWire(r.strategy());
        } catch (IllegalArgumentException ex) {
            problem("routing.strategy", "must be one of [weighted, shadow], but was " + quote(r.strategy()));
        }
        WeightsConfig w = r.weights();
        boolean inRange =
                range("routing.weights.blue", w.blue(), 0, 100) & range("routing.weights.green", w.green(), 0, 100);
        if (inRange && w.blue() + w.green() != 100) {
            problem(
                    "routing.weights",
                    "must sum to 100, but was blue " + w.blue() + " + green " + w.green() + " = "
                            + (w.blue() + w.green()));
        }
        try {
            ClientOverride.fromWire(r.clientOverride());
        } catch (IllegalArgumentException ex) {
            problem("routing.client_override", "must be one of [allow, deny], but was " + quote(r.clientOverride()));
        }
        if (r.affinityHeader() != null && !r.affinityHeader().matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            problem("routing.affinity_header", "must be an HTTP header name, but was " + quote(r.affinityHeader()));
        }
    }

    private void models(Map<String, String> models) {
        for (Map.Entry<String, String> e : models.entrySet()) {
            if (e.getKey().isBlank() || e.getValue() == null || e.getValue().isBlank()) {
                problem(
                        "models." + e.getKey(),
                        "must map an alias to a non-empty model name, but was " + quote(e.getValue()));
            }
        }
    }

    private void upstream(UpstreamConfig u) {
        range("upstream.connect_timeout_ms", u.connectTimeoutMs(), 1, 600_000);
        range("upstream.timeout_ms", u.timeoutMs(), 1, 3_600_000);
        range("upstream.max_retries", u.maxRetries(), 0, 10);
        range("upstream.retry_backoff_ms", u.retryBackoffMs(), 0, 60_000);
        range("upstream.pool_size", u.poolSize(), 1, 100_000);
        range("upstream.keep_alive_timeout_seconds", u.keepAliveTimeoutSeconds(), 1, 3_600);
        range("upstream.pool_wait_queue", u.poolWaitQueue(), 0, 1_000_000);
    }

    /** The URL as it may be printed: user info (a password, often) shown as {@code [redacted]}. */
    static String withoutUserInfo(String url) {
        int scheme = url.indexOf("://");
        int authorityStart = scheme < 0 ? 0 : scheme + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        int at = url.lastIndexOf('@', authorityEnd - 1);
        return at < authorityStart ? url : url.substring(0, authorityStart) + "[redacted]" + url.substring(at);
    }

    private void unit(String path, double value) {
        if (!(value >= 0 && value <= 1)) {
            problem(path, "must be in [0,1], but was " + value);
        }
    }

    private boolean range(String path, long value, long min, long max) {
        if (value < min || value > max) {
            problem(path, "must be in [" + min + "," + max + "], but was " + value);
            return false;
        }
        return true;
    }

    /** Records a problem about {@code field}; its message is the field, a space, then {@code rule}. */
    private void problem(String field, String rule) {
        problems.add(new ConfigProblem(field, field + " " + rule));
    }

    private static String quote(String s) {
        return s == null ? "missing" : "\"" + s + "\"";
    }
}
