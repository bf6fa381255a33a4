package dev.relaygate.relay.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the relay's components add to the admin views, fixed when the relay is assembled.
 *
 * @param status  named sections of {@code GET /admin/status} (rollout, health, cost, shadow), in order
 * @param metrics writers of extra Prometheus lines for {@code GET /metrics}
 */
public record AdminSections(Map<String, Supplier<Object>> status, List<Consumer<StringBuilder>> metrics) {

    public AdminSections {
        status = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(status));
        metrics = List.copyOf(metrics);
    }
}
