package dev.relaygate.relay.config;

/**
 * {@code routing}: how new requests are split.
 *
 * @param strategy       {@code weighted} (default) or {@code shadow}
 * @param weights        initial split (default blue 100, green 0)
 * @param affinityHeader request header whose value pins a session to one environment (optional)
 */
public record RoutingConfig(String strategy, WeightsConfig weights, String affinityHeader) {

    public RoutingConfig {
        strategy = strategy == null ? RoutingStrategy.WEIGHTED.wireName() : strategy;
        weights = weights == null ? new WeightsConfig(null, null) : weights;
        affinityHeader = affinityHeader == null || affinityHeader.isBlank() ? null : affinityHeader;
    }

    public static RoutingConfig defaults() {
        return new RoutingConfig(null, null, null);
    }

    /** The parsed strategy; call after validation. */
    public RoutingStrategy routingStrategy() {
        return RoutingStrategy.fromWire(strategy);
    }
}
