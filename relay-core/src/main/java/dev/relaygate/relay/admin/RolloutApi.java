package dev.relaygate.relay.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaygate.relay.config.ConfigException;
import dev.relaygate.relay.config.ConfigLoader;
import dev.relaygate.relay.config.ConfigValidator;
import dev.relaygate.relay.config.RoutingConfig;
import dev.relaygate.relay.proxy.ProxyContext;
import dev.relaygate.relay.rollout.IllegalTransitionException;
import dev.relaygate.relay.rollout.Phase;
import dev.relaygate.relay.rollout.RolloutController;
import dev.relaygate.relay.rollout.RolloutTicker;
import dev.relaygate.relay.config.TrafficShiftSettings;
import dev.relaygate.relay.routing.PolicyStore;
import dev.relaygate.relay.routing.RoutingPolicy;
import dev.relaygate.relay.config.RoutingStrategy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Rollout control paths: {@code PATCH /v1/routing/policy} (the vendor playbook's shape), {@code POST /admin/rollout},
 * {@code POST /admin/promote}, {@code POST /admin/rollout/reset}, {@code GET /admin/events}. Controller
 * calls run on the rollout thread ({@link RolloutTicker#call}); replies go back on the request's context.
 */
public final class RolloutApi {

    static final String REASON_PATCH = "PATCH /v1/routing/policy";
    static final String REASON_SWAP = "promote --swap";

    private final RolloutController controller;
    private final RolloutTicker ticker;
    private final PolicyStore policies;
    private final ProxyContext proxy;
    private final AdminApi admin;
    private final TrafficShiftSettings defaults;
    private final RolloutJson json;

    public RolloutApi(RolloutController controller, RolloutTicker ticker, PolicyStore policies, ProxyContext proxy,
            AdminApi admin, TrafficShiftSettings defaults, String stateFile) {
        this.controller = controller;
        this.ticker = ticker;
        this.policies = policies;
        this.proxy = proxy;
        this.admin = admin;
        this.defaults = defaults;
        this.json = new RolloutJson(controller, ticker, stateFile);
    }

    public void registerOn(ControlRoutes routes) {
        routes.register(HttpMethod.PATCH, "/v1/routing/policy", ControlRoutes.Access.ADMIN, this::patchPolicy);
        routes.register(HttpMethod.POST, "/admin/rollout", ControlRoutes.Access.ADMIN, this::startRollout);
        routes.register(HttpMethod.POST, "/admin/promote", ControlRoutes.Access.ADMIN, this::promote);
        routes.register(HttpMethod.POST, "/admin/rollout/reset", ControlRoutes.Access.ADMIN, this::reset);
        routes.register(HttpMethod.GET, "/admin/events", ControlRoutes.Access.ADMIN, this::events);
        admin.addStatusSection("rollout", json::status);
        admin.addMetricsSection(json::metrics);
        // A manual traffic-shift stops the rollout (weights stay the operator's); a manual rollback ends it.
        admin.addManualChangeListener(reason -> ticker.call(() -> AdminApi.REASON_ROLLBACK.equals(reason)
                ? controller.rollbackManually(reason) : controller.cancel(reason)).join());
    }

    private void patchPolicy(ControlRequest r) {
        ObjectNode body = object(r);
        if (body == null) {
            return;
        }
        for (var it = body.fieldNames(); it.hasNext();) {
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
            r.badRequest(e.getMessage(), param(e.getMessage()));
            return;
        }
        if (shift != null) {
            boolean shadowFirst = routing != null && routing.routingStrategy() == RoutingStrategy.SHADOW;
            guarded(r, shadowFirst ? 0 : shift.increment(), () -> {
                Phase phase = controller.state().phase();
                if (phase != Phase.STABLE) {
                    throw new IllegalTransitionException(phase, shadowFirst ? Phase.SHADOW : Phase.CANARY);
                }
                if (routing != null) {
                    policies.update(p -> p.withStrategy(RoutingStrategy.WEIGHTED, REASON_PATCH)
                            .withShadow(false, REASON_PATCH).withGreenWeight(routing.weights().green(), REASON_PATCH));
                }
                controller.start(shift, shadowFirst);
                return reply();
            });
            return;
        }
        int green = routing.weights().green();
        guarded(r, green, () -> {
            controller.cancel(REASON_PATCH);
            policies.update(p -> p.withStrategy(routing.routingStrategy(), REASON_PATCH)
                    .withShadow(routing.routingStrategy() == RoutingStrategy.SHADOW, REASON_PATCH)
                    .withGreenWeight(green, REASON_PATCH));
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
            r.badRequest(e.getMessage(), param(e.getMessage()));
            return;
        }
        guarded(r, shadowFirst ? 0 : shift.increment(), () -> {
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
        onRolloutThread(r, () -> {
            if (controller.state().phase() != Phase.PROMOTED) {
                throw new IllegalTransitionException(controller.state().phase(), Phase.STABLE);
            }
            // Roles first, then weights: new requests go to the new blue (the old green) from here on.
            proxy.upstreams().swapRoles();
            policies.update(p -> p.withGreenWeight(0, REASON_SWAP).withStrategy(RoutingStrategy.WEIGHTED, REASON_SWAP)
                    .withShadow(false, REASON_SWAP));
            controller.completeSwap(REASON_SWAP);
            Map<String, Object> out = reply();
            out.put("environments", Map.of("blue", proxy.upstreams().environments().blue().name(),
                    "green", proxy.upstreams().environments().green().name()));
            return out;
        });
    }

    private void reset(ControlRequest r) {
        onRolloutThread(r, () -> {
            if (controller.state().phase() != Phase.ROLLED_BACK) {
                throw new IllegalTransitionException(controller.state().phase(), Phase.STABLE);
            }
            controller.reset("admin reset");
            return reply();
        });
    }

    private void events(ControlRequest r) {
        String since = r.request().getParam("since_ms");
        long sinceMillis;
        try {
            sinceMillis = since == null ? Long.MIN_VALUE : Long.parseLong(since);
        } catch (NumberFormatException e) {
            r.badRequest("since_ms must be a whole number of epoch milliseconds, but was \"" + since + "\"", "since_ms");
            return;
        }
        r.replyJson(200, json.events(sinceMillis));
    }

    /** Checks green first when the change sends it traffic, then runs {@code work} on the rollout thread. */
    private void guarded(ControlRequest r, int greenWeight, Callable<Map<String, Object>> work) {
        Future<String> vetted = greenWeight > 0 ? admin.shiftGuard().check(greenWeight) : Future.succeededFuture();
        vetted.onComplete(done -> {
            String veto = done.succeeded() ? done.result() : "green could not be checked: " + done.cause().getMessage();
            if (veto != null) {
                r.error(409, veto, "invalid_request_error", "shift_blocked");
            } else {
                onRolloutThread(r, work);
            }
        });
    }

    private void onRolloutThread(ControlRequest r, Callable<Map<String, Object>> work) {
        var context = Vertx.currentContext();
        ticker.call(work).whenComplete((result, error) -> {
            Runnable answer = () -> {
                Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
                if (cause == null) {
                    r.replyJson(200, result);
                } else if (cause instanceof IllegalTransitionException e) {
                    r.error(409, e.getMessage(), "invalid_request_error", "illegal_transition");
                } else if (cause instanceof IllegalArgumentException e) {
                    r.badRequest(e.getMessage(), param(e.getMessage()));
                } else {
                    r.error(500, "rollout call failed: " + cause.getMessage(), "server_error", null);
                }
            };
            if (context != null) {
                context.runOnContext(v -> answer.run());
            } else {
                answer.run();
            }
        });
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
            throw new ConfigException("traffic_shift must be a JSON object, but was " + node.getNodeType());
        }
        ObjectNode merged = ConfigLoader.jsonMapper().valueToTree(defaults);
        merge(merged, (ObjectNode) node);
        try {
            return ConfigLoader.bind(ConfigLoader.jsonMapper(), merged, TrafficShiftSettings.class, "traffic_shift");
        } catch (ConfigException e) {
            String m = e.getMessage();
            throw new ConfigException(m.startsWith("validation_threshold.") ? "traffic_shift." + m : m);
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
        List<String> problems = ConfigValidator.validateRouting(routing);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
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

    /** The field a validation message names (its first word). */
    private static String param(String message) {
        int space = message.indexOf(' ');
        return space > 0 ? message.substring(0, space) : null;
    }
}
