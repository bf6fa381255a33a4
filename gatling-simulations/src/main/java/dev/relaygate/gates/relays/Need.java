package dev.relaygate.gates.relays;

import java.util.Collection;
import java.util.List;

/** What a gate needs from the relay it drives; a relay lacking one gets a "not supported by" result. */
public enum Need {
    TRAFFIC_WEIGHTS("blue/green weights set by the harness, and this relay's weights cannot be set"),
    RELAYGATE_ADMIN("relaygate's admin API (rollouts, rollback, keys, shadow), which this relay does not have"),
    HARNESS_UPSTREAMS(
            "a relay started against the harness's own mock upstreams (to inject faults or rotate keys), and this"
                    + " relay was started elsewhere"),
    STREAMING("SSE streaming, which this relay does not claim"),
    RELAYGATE_FLEET("relaygate's own fleet, started from relaygate's jar");

    private final String reason;

    Need(String reason) {
        this.reason = reason;
    }

    boolean metBy(RelaySpec relay) {
        Capabilities c = relay.capabilities();
        return switch (this) {
            case TRAFFIC_WEIGHTS -> c.weights() != WeightControl.NONE;
            case RELAYGATE_ADMIN -> c.relaygateAdmin();
            case HARNESS_UPSTREAMS -> relay.usesHarnessUpstreams();
            case STREAMING -> c.streams();
            case RELAYGATE_FLEET -> c.relaygateAdmin() && relay.usesHarnessUpstreams();
        };
    }

    /**
     * Null when {@code relay} has everything {@code needs} lists; otherwise the whole reason, e.g.
     * {@code not supported by external: needs relaygate's admin API (...)}.
     */
    public static String unsupportedReason(RelaySpec relay, Collection<Need> needs) {
        List<String> missing =
                needs.stream().filter(n -> !n.metBy(relay)).map(n -> n.reason).toList();
        return missing.isEmpty()
                ? null
                : "not supported by " + relay.name() + ": needs " + String.join("; and ", missing);
    }
}
