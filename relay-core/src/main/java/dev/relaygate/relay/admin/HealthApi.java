package dev.relaygate.relay.admin;

import dev.relaygate.relay.health.HealthMonitor;
import dev.relaygate.relay.health.KeyCheck;
import io.vertx.core.http.HttpMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /admin/validate-keys}: each environment's {@code /models} with its own key, status and
 * latency (keys never shown). The monitor's own status section and green's shift guard are wired by
 * the relay's assembly.
 */
public final class HealthApi {

    private final HealthMonitor health;

    public HealthApi(HealthMonitor health) {
        this.health = health;
    }

    public List<ControlRoute> routes() {
        return List.of(ControlRoute.adminRoute(HttpMethod.POST, "/admin/validate-keys", this::validateKeys));
    }

    private void validateKeys(ControlRequest r) {
        health.checkAll().onComplete(done -> {
            if (done.failed()) {
                r.error(502, "key validation failed: " + done.cause().getMessage(), "server_error", null);
                return;
            }
            List<KeyCheck> checks = done.result();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ok", checks.stream().allMatch(KeyCheck::ok));
            Map<String, Object> byEnv = new LinkedHashMap<>();
            checks.forEach(c -> byEnv.put(c.environment().wireName(), c));
            out.put("environments", byEnv);
            r.replyJson(200, out);
        });
    }
}
