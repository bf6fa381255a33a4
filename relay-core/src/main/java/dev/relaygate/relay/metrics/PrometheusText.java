package dev.relaygate.relay.metrics;

import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.routing.RoutingPolicy;
import java.util.Locale;

/**
 * Writes the relay's metrics in the Prometheus text exposition format (version 0.0.4). Reads
 * accumulated snapshots only, so scraping never disturbs the rollout controller's intervals.
 */
public final class PrometheusText {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {}

    public static void write(StringBuilder out, RelayMetrics metrics, RoutingPolicy policy) {
        MetricsSnapshot blue = metrics.blue().accumulated();
        MetricsSnapshot green = metrics.green().accumulated();
        MetricsSnapshot[] both = {blue, green};

        counter(out, "relaygate_requests_total", "Requests relayed to an environment.");
        for (MetricsSnapshot s : both) {
            sample(
                    out,
                    "relaygate_requests_total",
                    s.environment(),
                    null,
                    s.counts().requests());
        }
        counter(out, "relaygate_responses_total", "Upstream responses by status class (429 is also in 4xx).");
        for (MetricsSnapshot s : both) {
            sample(
                    out,
                    "relaygate_responses_total",
                    s.environment(),
                    "class=\"2xx\"",
                    s.counts().status2xx());
            sample(
                    out,
                    "relaygate_responses_total",
                    s.environment(),
                    "class=\"4xx\"",
                    s.counts().status4xx());
            sample(
                    out,
                    "relaygate_responses_total",
                    s.environment(),
                    "class=\"5xx\"",
                    s.counts().status5xx());
        }
        simpleCounter(out, both, "relaygate_rate_limited_total", "Upstream 429 responses.", Field.S429);
        simpleCounter(
                out,
                both,
                "relaygate_timeouts_total",
                "Upstream sent no headers in time (relay answered 504).",
                Field.TIMEOUTS);
        simpleCounter(
                out,
                both,
                "relaygate_upstream_errors_total",
                "Upstream unreachable or failed before headers (relay answered 502).",
                Field.UPSTREAM_ERRORS);
        simpleCounter(
                out,
                both,
                "relaygate_aborted_streams_total",
                "Responses the upstream broke off mid-body.",
                Field.ABORTED);
        simpleCounter(out, both, "relaygate_client_cancelled_total", "Requests the client abandoned.", Field.CANCELLED);

        counter(
                out,
                "relaygate_overridden_requests_total",
                "Requests a client forced to an environment with X-Route-Policy (not in relaygate_requests_total).");
        for (Environment e : Environment.all()) {
            sample(
                    out,
                    "relaygate_overridden_requests_total",
                    e,
                    null,
                    metrics.overridden(e).counts().requests());
        }
        counter(
                out,
                "relaygate_pool_exhausted_total",
                "Requests answered 503 because the relay's own connection pool to the environment was full.");
        for (Environment e : Environment.all()) {
            sample(out, "relaygate_pool_exhausted_total", e, null, metrics.poolExhausted(e));
        }
        counter(out, "relaygate_rejected_total", "Requests the relay answered itself before routing (4xx).");
        out.append("relaygate_rejected_total ").append(metrics.rejected()).append('\n');

        summary(out, "relaygate_request_latency_seconds", "Accept to last byte.", blue, green, true);
        summary(
                out,
                "relaygate_time_to_first_byte_seconds",
                "Accept to upstream's first response byte.",
                blue,
                green,
                false);

        out.append("# HELP relaygate_routing_weight Percent of new requests routed to an environment.\n")
                .append("# TYPE relaygate_routing_weight gauge\n");
        for (Environment e : Environment.all()) {
            sample(out, "relaygate_routing_weight", e, null, policy.weightOf(e));
        }
        out.append("# HELP relaygate_policy_version Routing policy version (increments on every change).\n")
                .append("# TYPE relaygate_policy_version gauge\n")
                .append("relaygate_policy_version ")
                .append(policy.version())
                .append('\n');
    }

    private enum Field {
        S429,
        TIMEOUTS,
        UPSTREAM_ERRORS,
        ABORTED,
        CANCELLED
    }

    private static void simpleCounter(StringBuilder out, MetricsSnapshot[] both, String name, String help, Field f) {
        counter(out, name, help);
        for (MetricsSnapshot s : both) {
            Counts c = s.counts();
            long v = switch (f) {
                case S429 -> c.status429();
                case TIMEOUTS -> c.timeouts();
                case UPSTREAM_ERRORS -> c.upstreamErrors();
                case ABORTED -> c.abortedStreams();
                case CANCELLED -> c.clientCancelled();
            };
            sample(out, name, s.environment(), null, v);
        }
    }

    private static void summary(
            StringBuilder out, String name, String help, MetricsSnapshot blue, MetricsSnapshot green, boolean latency) {
        out.append("# HELP ")
                .append(name)
                .append(' ')
                .append(help)
                .append('\n')
                .append("# TYPE ")
                .append(name)
                .append(" summary\n");
        for (MetricsSnapshot s : new MetricsSnapshot[] {blue, green}) {
            Percentiles p = latency ? s.latency() : s.ttfb();
            quantile(out, name, s.environment(), "0.5", p.p50Micros());
            quantile(out, name, s.environment(), "0.95", p.p95Micros());
            quantile(out, name, s.environment(), "0.99", p.p99Micros());
            out.append(name)
                    .append("_sum{environment=\"")
                    .append(s.environment().wireName())
                    .append("\"} ")
                    .append(seconds((long) (p.meanMicros() * p.samples())))
                    .append('\n');
            out.append(name)
                    .append("_count{environment=\"")
                    .append(s.environment().wireName())
                    .append("\"} ")
                    .append(p.samples())
                    .append('\n');
        }
    }

    private static void quantile(StringBuilder out, String name, Environment e, String q, long micros) {
        out.append(name)
                .append("{environment=\"")
                .append(e.wireName())
                .append("\",quantile=\"")
                .append(q)
                .append("\"} ")
                .append(seconds(micros))
                .append('\n');
    }

    private static void counter(StringBuilder out, String name, String help) {
        out.append("# HELP ")
                .append(name)
                .append(' ')
                .append(help)
                .append('\n')
                .append("# TYPE ")
                .append(name)
                .append(" counter\n");
    }

    private static void sample(StringBuilder out, String name, Environment e, String extraLabel, long value) {
        out.append(name).append("{environment=\"").append(e.wireName()).append('"');
        if (extraLabel != null) {
            out.append(',').append(extraLabel);
        }
        out.append("} ").append(value).append('\n');
    }

    private static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.6f", micros / 1_000_000.0);
    }
}
