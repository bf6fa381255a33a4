package dev.relaygate.relay.admin;

import dev.relaygate.relay.config.ConfigProblem;
import dev.relaygate.relay.config.EnvironmentsConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.RoutingStrategy;
import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.metrics.MetricsSnapshot;
import dev.relaygate.relay.metrics.Percentiles;
import dev.relaygate.relay.metrics.PrometheusText;
import dev.relaygate.relay.metrics.RelayMetrics;
import dev.relaygate.relay.rollout.ManualChange;
import dev.relaygate.relay.rollout.RolloutController;
import dev.relaygate.relay.routing.PolicyStore;
import dev.relaygate.relay.routing.RoutingPolicy;
import dev.relaygate.relay.time.Clock;
import io.vertx.core.http.HttpMethod;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code GET /admin/status}, {@code POST /admin/traffic-shift}, {@code POST /admin/rollback}, plus the
 * public {@code /healthz} and {@code /metrics}. A manual shift or rollback cancels a live rollout; the
 * status document and {@code /metrics} gather the sections the other components contribute.
 */
public final class AdminApi {

    private final RelayConfig config;
    private final PolicyStore policies;
    private final PolicyStore routed;
    private final RelayMetrics metrics;
    private final Clock clock;
    private final long startedAtMillis;
    private final Supplier<EnvironmentsConfig> environments;
    private final RolloutController rollout;
    private final OperatorCalls calls;
    private final AdminSections sections;

    /**
     * @param policies     where operator changes are made (in a fleet: computed there, then committed)
     * @param routed       what requests route by right now: status and {@code /metrics} show this one
     * @param environments where the current roles come from (they change on {@code promote --swap})
     * @param sections     what other components add to {@code /admin/status} and {@code /metrics}
     */
    public AdminApi(
            RelayConfig config,
            PolicyStore policies,
            PolicyStore routed,
            RelayMetrics metrics,
            Clock clock,
            Supplier<EnvironmentsConfig> environments,
            RolloutController rollout,
            OperatorCalls calls,
            AdminSections sections) {
        this.config = config;
        this.policies = policies;
        this.routed = routed;
        this.metrics = metrics;
        this.clock = clock;
        this.startedAtMillis = clock.currentTimeMillis();
        this.environments = environments;
        this.rollout = rollout;
        this.calls = calls;
        this.sections = sections;
    }

    public List<ControlRoute> routes() {
        return List.of(
                ControlRoute.publicRoute(HttpMethod.GET, "/healthz", r -> r.replyJson(200, Map.of("status", "ok"))),
                ControlRoute.publicRoute(HttpMethod.GET, "/metrics", this::metrics),
                ControlRoute.adminRoute(HttpMethod.GET, "/admin/status", r -> r.replyJson(200, status())),
                ControlRoute.adminRoute(HttpMethod.POST, "/admin/traffic-shift", this::trafficShift),
                ControlRoute.adminRoute(HttpMethod.POST, "/admin/rollback", this::rollback));
    }

    private void metrics(ControlRequest r) {
        StringBuilder out = new StringBuilder(4096);
        PrometheusText.write(out, metrics, routed.current());
        sections.metrics().forEach(section -> section.accept(out));
        r.request()
                .response()
                .putHeader("Content-Type", PrometheusText.CONTENT_TYPE)
                .end(out.toString());
    }

    /** The status document: policy, weights, per-environment counts and percentiles. Keys redacted. */
    public Map<String, Object> status() {
        RoutingPolicy p = routed.current();
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
        Map<String, Object> overridden = new LinkedHashMap<>();
        for (Environment e : Environment.all()) {
            overridden.put(e.wireName(), metrics.overridden(e).counts());
        }
        // Requests clients forced with X-Route-Policy: counted here, never as canary samples.
        out.put("overridden", overridden);
        out.put("rejected_requests", metrics.rejected());
        out.put("client_keys", config.clientKeys().size());
        out.put("started_at", Instant.ofEpochMilli(startedAtMillis).toString());
        out.put("uptime_ms", clock.currentTimeMillis() - startedAtMillis);
        sections.status().forEach((name, section) -> out.put(name, section.get()));
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
        List<ConfigProblem> problems = weights.problems();
        if (!problems.isEmpty()) {
            String message = problems.stream().map(ConfigProblem::message).collect(Collectors.joining("; "));
            r.badRequest(message, problems.get(0).field());
            return;
        }
        // The rollout stops first, then the operator's weights go in: a rollout tick can never overwrite them.
        calls.guarded(r, weights.greenWeight(), () -> {
            rollout.cancel(ManualChange.TRAFFIC_SHIFT);
            return policyReply(policies.setGreenWeight(weights.greenWeight(), ManualChange.TRAFFIC_SHIFT.changedBy()));
        });
    }

    private void rollback(ControlRequest r) {
        // The swap is made (and made durable) before the reply: every request that starts after the call returns,
        // on any member of a fleet that applied it, sees blue 100.
        String by = ManualChange.ROLLBACK.changedBy();
        calls.onRolloutThread(r, () -> {
            RoutingPolicy next = policies.update(p -> p.withGreenWeight(0, by)
                    .withStrategy(RoutingStrategy.WEIGHTED, by)
                    .withShadow(false, by));
            rollout.rollbackManually(ManualChange.ROLLBACK);
            return policyReply(policies.current().version() >= next.version() ? policies.current() : next);
        });
    }

    private static Map<String, Object> policyReply(RoutingPolicy policy) {
        return Map.of("policy", policyJson(policy));
    }
}
