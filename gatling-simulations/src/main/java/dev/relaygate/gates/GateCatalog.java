package dev.relaygate.gates;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every gate the module runs, in run order. Each gate's simulation lives in the package named after its
 * id without hyphens ({@code dev.relaygate.gates.steadystate}); a test keeps this list and the simulation
 * classes in step, so a gate cannot be added without the verdict expecting its result.
 */
public final class GateCatalog {

    public static final List<String> ALL = List.of(
            "steady-state",
            "canary-progression",
            "auto-rollback-errors",
            "auto-rollback-latency",
            "healthy-no-rollback",
            "streaming-shift",
            "shadow-no-impact",
            "key-rotation",
            "manual-rollback",
            "relay-overhead",
            "fleet-rollback",
            "fleet-leader-failover",
            "fleet-propagation",
            "fleet-overhead");

    /**
     * The comparison build's gates ({@code -Ppeers}), each run on every relay under test; their simulations
     * live in {@code dev.relaygate.gates.compare}.
     */
    public static final List<String> COMPARISON =
            List.of("steady-state", "relay-overhead", "split-accuracy", "streaming-integrity", "errors-under-fault");

    private GateCatalog() {}

    /**
     * The gates a {@code -Dgates=} value asks for, in catalog order: all when blank.
     *
     * @throws IllegalArgumentException naming an unknown id and the known ones
     */
    public static List<String> select(String selection) {
        if (selection == null || selection.isBlank()) {
            return ALL;
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String raw : selection.split(",")) {
            String id = raw.trim().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) {
                continue;
            }
            if (!ALL.contains(id)) {
                throw new IllegalArgumentException("gates must be a comma-separated list of " + String.join(", ", ALL)
                        + ", but named '" + raw.trim() + "'");
            }
            asked.add(id);
        }
        if (asked.isEmpty()) {
            throw new IllegalArgumentException("gates must name at least one gate, but was '" + selection + "'");
        }
        List<String> ordered = new ArrayList<>(ALL);
        ordered.retainAll(asked);
        return List.copyOf(ordered);
    }

    /** The package a gate's simulation lives in. */
    public static String packageOf(String gate) {
        return "dev.relaygate.gates." + gate.replace("-", "");
    }

    static List<String> notRequested(List<String> requested) {
        return ALL.stream().filter(g -> !requested.contains(g)).toList();
    }
}
