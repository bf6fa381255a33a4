package dev.relaygate.relay.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaygate.relay.config.ConfigException;
import dev.relaygate.relay.config.ConfigLoader;
import dev.relaygate.relay.config.ConfigProblem;
import dev.relaygate.relay.config.ConfigValidator;
import dev.relaygate.relay.config.RoutingConfig;
import dev.relaygate.relay.config.RoutingStrategy;
import dev.relaygate.relay.config.TrafficShiftSettings;
import dev.relaygate.relay.rollout.IllegalTransitionException;
import dev.relaygate.relay.rollout.ManualChange;
import dev.relaygate.relay.rollout.Phase;
import dev.relaygate.relay.rollout.RolloutController;
import dev.relaygate.relay.routing.PolicyStore;
import dev.relaygate.relay.routing.RoutingPolicy;
import dev.relaygate.relay.upstream.Upstreams;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rollout control paths: {@code PATCH /v1/routing/policy} (the vendor playbook's shape), {@code POST /admin/rollout},
 * {@code POST /admin/promote}, {@code POST /admin/rollout/reset}, {@code GET /admin/events}. Controller
 * calls run on the rollout thread ({@link RolloutTicker#call}); replies go back on the request's context.
 */
public final class RolloutApi {

    private final RolloutController controller;
    private final PolicyStore policies;
    private final Upstreams upstreams;
    private final OperatorCalls calls;
    private final TrafficShiftSettings defaults;
    private final RolloutJson json;

    /** @param defaults the config's {@code traffic_shift}: a request's fields override it field by field */
    public RolloutApi(
            RolloutController controller,
            RolloutJson json,
            PolicyStore policies,
            Upstreams upstreams,
            OperatorCalls calls,
            TrafficShiftSettings defaults) {
        this.controller = controller;
        this.json = json;
        this.policies = policies;
        this.upstreams = upstreams;
        this.calls = calls;
        this.defaults = defaults;
    }

    public List<ControlRoute> routes() {
        return List.of(
                ControlRoute.adminRoute(HttpMethod.PATCH, "/v1/routing/policy", this::patchPolicy),
                ControlRoute.adminRoute(HttpMethod.POST, "/admin/rollout", this::startRollout),
                ControlRoute.adminRoute(HttpMethod.POST, "/admin/promote", this::promote),
                ControlRoute.adminRoute(HttpMethod.POST, "/admin/rollout/reset", this::reset),
                ControlRoute.adminRoute(HttpMethod.GET, "/admin/events", this::events));
    }

    private void patchPolicy(ControlRequest r) {
        ObjectNode body = object(r);
        if (body == null) {
            return;
        }
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!field.equals("routing") && !field.equals("traffic_shift")) {
                r.badRequest(field + " must be a known field (known: routing, traffic_shift), but was unknown", field);
                return;
            }
        }
        if (!body.has("routing") && !body.has("traffic_shift")) {
            r.badRequest("body must contain routing and/or traffic_shift, but had neither", null);
            return;
        }
        RoutingConfig routing;
        TrafficShiftSettings shift;
        try {
            routing = body.has("routing") ? bindRouting(body.get("routing")) : null;
            shift = body.has("traffic_shift") ? settings(body.get("traffic_shift")) : null;
        } catch (ConfigException e) {
            r.badRequest(e.getMessage(), e.field());
            return;
        }
        if (shift != null) {
            boolean shadowFirst = routing != null && routing.routingStrategy() == RoutingStrategy.SHADOW;
            calls.guarded(r, shadowFirst ? 0 : shift.increment(), () -> {
                Phase phase = controller.state().phase();
                if (phase != Phase.STABLE) {
                    throw new IllegalTransitionException(phase, shadowFirst ? Phase.SHADOW : Phase.CANARY);
                }
                if (routing != null) {
                    String by = ManualChange.POLICY_PATCH.changedBy();
                    policies.update(p -> p.withStrategy(RoutingStrategy.WEIGHTED, by)
                            .withShadow(false, by)
                            .withGreenWeight(routing.weights().green(), by));
                }
                controller.start(shift, shadowFirst);
                return reply();
            });
            return;
        }
        int green = routing.weights().green();
        calls.guarded(r, green, () -> {
            controller.cancel(ManualChange.POLICY_PATCH);
            String by = ManualChange.POLICY_PATCH.changedBy();
            policies.update(p -> p.withStrategy(routing.routingStrategy(), by)
                    .withShadow(routing.routingStrategy() == RoutingStrategy.SHADOW, by)
                    .withGreenWeight(green, by));
            return reply();
        });
    }

    private void startRollout(ControlRequest r) {
        ObjectNode body = object(r);
        if (body == null) {
            return;
        }
        JsonNode shadowNode = body.remove("shadow_first");
        if (shadowNode != null && !shadowNode.isBoolean()) {
            r.badRequest("shadow_first must be true or false, but was " + shadowNode, "shadow_first");
            return;
        }
        boolean shadowFirst = shadowNode != null && shadowNode.booleanValue();
        TrafficShiftSettings shift;
        try {
            shift = settings(body);
        } catch (ConfigException e) {
            r.badRequest(e.getMessage(), e.field());
            return;
        }
        calls.guarded(r, shadowFirst ? 0 : shift.increment(), () -> {
            controller.start(shift, shadowFirst);
            return reply();
        });
    }

    private void promote(ControlRequest r) {
        ObjectNode body = object(r);
        if (body == null) {
            return;
        }
        JsonNode swap = body.get("swap");
        if (swap == null || !swap.isBoolean() || !swap.booleanValue() || body.size() != 1) {
            r.badRequest("swap must be true (the only field), but was " + (swap == null ? "missing" : swap), "swap");
            return;
        }
        calls.onRolloutThread(r, () -> {
            if (controller.state().phase() != Phase.PROMOTED) {
                throw new IllegalTransitionException(controller.state().phase(), Phase.STABLE);
            }
            // Roles first, then weights: new requests go to the new blue (the old green) from here on.
            upstreams.swapRoles();
            String by = ManualChange.PROMOTE_SWAP.changedBy();
            policies.update(p -> p.withGreenWeight(0, by)
                    .withStrategy(RoutingStrategy.WEIGHTED, by)
                    .withShadow(false, by));
            controller.completeSwap(ManualChange.PROMOTE_SWAP);
            Map<String, Object> out = reply();
            out.put(
                    "environments",
                    Map.of(
                            "blue",
                            upstreams.environments().blue().name(),
                            "green",
                            upstreams.environments().green().name()));
            return out;
        });
    }

    private void reset(ControlRequest r) {
        calls.onRolloutThread(r, () -> {
            if (controller.state().phase() != Phase.ROLLED_BACK) {
                throw new IllegalTransitionException(controller.state().phase(), Phase.STABLE);
            }
            controller.reset(ManualChange.RESET);
            return reply();
        });
    }

    private void events(ControlRequest r) {
        String since = r.request().getParam("since_ms");
        long sinceMillis;
        try {
            sinceMillis = since == null ? Long.MIN_VALUE : Long.parseLong(since);
        } catch (NumberFormatException e) {
            r.badRequest(
                    "since_ms must be a whole number of epoch milliseconds, but was \"" + since + "\"", "since_ms");
            return;
        }
        r.replyJson(200, json.events(sinceMillis));
    }

    private Map<String, Object> reply() {
        RoutingPolicy p = policies.current();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("policy", AdminApi.policyJson(p));
        out.put("rollout", json.status());
        return out;
    }

    /** A body's {@code traffic_shift} object over the config's defaults, field by field. */
    private TrafficShiftSettings settings(JsonNode node) {
        if (!node.isObject()) {
            throw new ConfigException(
                    "traffic_shift", "traffic_shift must be a JSON object, but was " + node.getNodeType());
        }
        ObjectNode merged = ConfigLoader.jsonMapper().valueToTree(defaults);
        merge(merged, (ObjectNode) node);
        try {
            return ConfigLoader.bind(ConfigLoader.jsonMapper(), merged, TrafficShiftSettings.class, "traffic_shift");
        } catch (ConfigException e) {
            // The threshold record names its fields from its own root; in this body they sit under traffic_shift.
            boolean threshold = e.field() != null && e.field().startsWith("validation_threshold.");
            throw threshold ? e.withFieldPrefix("traffic_shift.") : e;
        }
    }

    private static void merge(ObjectNode base, ObjectNode over) {
        over.properties().forEach(f -> {
            JsonNode existing = base.get(f.getKey());
            if (existing instanceof ObjectNode eo && f.getValue() instanceof ObjectNode fo) {
                merge(eo, fo);
            } else {
                base.set(f.getKey(), f.getValue());
            }
        });
    }

    private static RoutingConfig bindRouting(JsonNode node) {
        RoutingConfig routing = ConfigLoader.bind(ConfigLoader.jsonMapper(), node, RoutingConfig.class, "routing");
        if (routing.clientOverride() != null) {
            // It guards the relay against its own clients: an API call must not be able to lift it.
            throw new ConfigException(
                    "routing.client_override",
                    "routing.client_override can be set in the config file only, but the body set it");
        }
        List<ConfigProblem> problems = ConfigValidator.validateRouting(routing);
        if (!problems.isEmpty()) {
            throw ConfigException.of(problems);
        }
        return routing;
    }

    private static ObjectNode object(ControlRequest r) {
        try {
            JsonNode node = r.json();
            if (node instanceof ObjectNode o) {
                return o;
            }
            r.badRequest("request body must be a JSON object, but was " + node.getNodeType(), null);
        } catch (IOException e) {
            r.badRequest("request body is not valid JSON: " + e.getMessage(), null);
        }
        return null;
    }
}
