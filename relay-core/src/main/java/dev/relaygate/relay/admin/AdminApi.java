package dev.relaygate.relay.admin;

import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.config.EnvironmentsConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.metrics.MetricsSnapshot;
import dev.relaygate.relay.metrics.Percentiles;
import dev.relaygate.relay.metrics.PrometheusText;
import dev.relaygate.relay.metrics.RelayMetrics;
import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.routing.PolicyStore;
import dev.relaygate.relay.routing.RoutingPolicy;
import dev.relaygate.relay.config.RoutingStrategy;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code GET /admin/status}, {@code POST /admin/traffic-shift}, {@code POST /admin/rollback},
 * plus the public {@code /healthz} and {@code /metrics}. Other components add status sections,
 * metrics lines and manual-change listeners (a manual shift or rollback cancels a rollout).
 */
public final class AdminApi {

    /** {@link RoutingPolicy#changedBy()} of a manual shift. */
    public static final String REASON_TRAFFIC_SHIFT = "admin traffic-shift";
    /** {@link RoutingPolicy#changedBy()} of a manual rollback. */
    public static final String REASON_ROLLBACK = "admin rollback";

    private final RelayConfig config;
    private final PolicyStore policies;
    private final RelayMetrics metrics;
    private final Clock clock;
    private final long startedAtMillis;
    private volatile Supplier<EnvironmentsConfig> environments;
    private volatile ShiftGuard shiftGuard = ShiftGuard.allowAll();
    private final Map<String, Supplier<Object>> statusSections = new LinkedHashMap<>();
    private final List<Consumer<StringBuilder>> metricsSections = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> manualChangeListeners = new CopyOnWriteArrayList<>();

    public AdminApi(RelayConfig config, PolicyStore policies, RelayMetrics metrics, Clock clock) {
        this.config = config;
        this.policies = policies;
        this.metrics = metrics;
        this.clock = clock;
        this.startedAtMillis = clock.currentTimeMillis();
        this.environments = config::environments;
    }

    /**
     * Vets every manual shift that raises green above 0 before it happens; a blocked shift is
     * answered 409 with the guard's reason.
     */
    public void shiftGuard(ShiftGuard guard) {
        this.shiftGuard = guard;
    }

    public ShiftGuard shiftGuard() {
        return shiftGuard;
    }

    /** Where the current roles come from (they change on {@code promote --swap}); default: the config's. */
    public void environmentsFrom(Supplier<EnvironmentsConfig> source) {
        this.environments = source;
    }

    public void registerOn(ControlRoutes routes) {
        routes.register(HttpMethod.GET, "/healthz", ControlRoutes.Access.PUBLIC,
                r -> r.replyJson(200, Map.of("status", "ok")));
        routes.register(HttpMethod.GET, "/metrics", ControlRoutes.Access.PUBLIC, r -> {
            StringBuilder out = new StringBuilder(4096);
            PrometheusText.write(out, metrics, policies.current());
            metricsSections.forEach(section -> section.accept(out));
            r.request().response().putHeader("Content-Type", PrometheusText.CONTENT_TYPE).end(out.toString());
        });
        routes.register(HttpMethod.GET, "/admin/status", ControlRoutes.Access.ADMIN, r -> r.replyJson(200, status()));
        routes.register(HttpMethod.POST, "/admin/traffic-shift", ControlRoutes.Access.ADMIN, this::trafficShift);
        routes.register(HttpMethod.POST, "/admin/rollback", ControlRoutes.Access.ADMIN, this::rollback);
    }

    /** Adds a named section to {@code /admin/status} (e.g. "rollout", "shadow"). */
    public synchronized void addStatusSection(String name, Supplier<Object> section) {
        statusSections.put(name, section);
    }

    /** Appends Prometheus lines to {@code /metrics}. */
    public void addMetricsSection(Consumer<StringBuilder> section) {
        metricsSections.add(section);
    }

    /**
     * Called (with the reason, on a worker thread) when an operator changes routing by hand: for a
     * traffic-shift just before the new weights are installed, for a rollback just after blue 100 is.
     */
    public void addManualChangeListener(Consumer<String> listener) {
        manualChangeListeners.add(listener);
    }

    /** The status document: policy, weights, per-environment counts and percentiles. Keys redacted. */
    public synchronized Map<String, Object> status() {
        RoutingPolicy p = policies.current();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("policy", policyJson(p));
        Map<String, Object> weights = new LinkedHashMap<>();
        weights.put("blue", p.blueWeight());
        weights.put("green", p.greenWeight());
        out.put("weights", weights);
        Map<String, Object> envs = new LinkedHashMap<>();
        for (Environment e : Environment.all()) {
            envs.put(e.wireName(), environmentJson(e, metrics.of(e).accumulated()));
        }
        out.put("environments", envs);
        out.put("rejected_requests", metrics.rejected());
        out.put("client_keys", config.clientKeys().size());
        out.put("started_at", Instant.ofEpochMilli(startedAtMillis).toString());
        out.put("uptime_ms", clock.currentTimeMillis() - startedAtMillis);
        statusSections.forEach((name, section) -> out.put(name, section.get()));
        return out;
    }

    public static Map<String, Object> policyJson(RoutingPolicy p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("strategy", p.strategy().wireName());
        out.put("blue_weight", p.blueWeight());
        out.put("green_weight", p.greenWeight());
        out.put("shadow", p.shadow());
        out.put("version", p.version());
        out.put("changed_at", Instant.ofEpochMilli(p.changedAtMillis()).toString());
        out.put("changed_by", p.changedBy());
        return out;
    }

    private Map<String, Object> environmentJson(Environment e, MetricsSnapshot s) {
        Map<String, Object> out = new LinkedHashMap<>();
        EnvironmentsConfig roles = environments.get();
        out.put("name", roles.of(e).name());
        out.put("base_url", roles.of(e).baseUrl());
        out.put("api_key", roles.of(e).apiKey());
        out.put("counts", s.counts());
        out.put("error_rate", s.counts().errorRate(false));
        out.put("latency_ms", percentilesJson(s.latency()));
        out.put("ttfb_ms", percentilesJson(s.ttfb()));
        return out;
    }

    private static Map<String, Object> percentilesJson(Percentiles p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("samples", p.samples());
        out.put("p50", p.p50Ms());
        out.put("p95", p.p95Ms());
        out.put("p99", p.p99Ms());
        out.put("max", p.maxMicros() / 1000.0);
        return out;
    }

    private void trafficShift(ControlRequest r) {
        WeightsRequest weights = r.bind(WeightsRequest.class, "");
        if (weights == null) {
            return;
        }
        List<String> problems = weights.problems();
        if (!problems.isEmpty()) {
            r.badRequest(String.join("; ", problems), problems.get(0).startsWith("green") ? "green" : "blue");
            return;
        }
        Future<String> vetted = weights.greenWeight() > 0 ? shiftGuard.check(weights.greenWeight())
                : Future.succeededFuture();
        vetted.onComplete(done -> {
            String veto = done.succeeded() ? done.result() : "green could not be checked: " + done.cause().getMessage();
            if (veto != null) {
                r.error(409, veto, "invalid_request_error", "shift_blocked");
                return;
            }
            // Listeners first (they cancel an active rollout), then the operator's weights: a rollout tick
            // can then never overwrite them. Off the event loop: cancelling writes the state file.
            offLoop(r, () -> {
                manualChangeListeners.forEach(l -> l.accept(REASON_TRAFFIC_SHIFT));
                return policies.setGreenWeight(weights.greenWeight(), REASON_TRAFFIC_SHIFT);
            });
        });
    }

    private void rollback(ControlRequest r) {
        // The swap happens before the reply: every request that starts after the call returns sees blue 100.
        RoutingPolicy next = policies.update(p -> p.withGreenWeight(0, REASON_ROLLBACK)
                .withStrategy(RoutingStrategy.WEIGHTED, REASON_ROLLBACK)
                .withShadow(false, REASON_ROLLBACK));
        offLoop(r, () -> {
            manualChangeListeners.forEach(l -> l.accept(REASON_ROLLBACK));
            return policies.current().version() >= next.version() ? policies.current() : next;
        });
    }

    /** Runs {@code work} on a worker thread (it may write files), then replies with the policy it returns. */
    private static void offLoop(ControlRequest r, java.util.concurrent.Callable<RoutingPolicy> work) {
        io.vertx.core.Context ctx = io.vertx.core.Vertx.currentContext();
        if (ctx == null) {
            try {
                r.replyJson(200, Map.of("policy", policyJson(work.call())));
            } catch (Exception e) {
                r.error(500, "could not apply the change: " + e.getMessage(), "server_error", null);
            }
            return;
        }
        ctx.executeBlocking(work).onComplete(done -> {
            if (done.succeeded()) {
                r.replyJson(200, Map.of("policy", policyJson(done.result())));
            } else {
                r.error(500, "could not apply the change: " + done.cause().getMessage(), "server_error", null);
            }
        });
    }
}
