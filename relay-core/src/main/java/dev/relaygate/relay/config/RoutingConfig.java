package dev.relaygate.relay.config;

/**
 * {@code routing}: how new requests are split.
 *
 * @param strategy       {@code weighted} (default) or {@code shadow}
 * @param weights        initial split (default blue 100, green 0)
 * @param affinityHeader request header whose value pins a session to one environment (optional)
 * @param clientOverride {@code allow} (default) or {@code deny}: whether {@code X-Route-Policy: blue|green} is
 *                       honoured; set in the config file only (null when left out)
 */
public record RoutingConfig(String strategy, WeightsConfig weights, String affinityHeader, String clientOverride) {

    public RoutingConfig {
        strategy = strategy == null ? RoutingStrategy.WEIGHTED.wireName() : strategy;
        weights = weights == null ? new WeightsConfig(null, null) : weights;
        affinityHeader = affinityHeader == null || affinityHeader.isBlank() ? null : affinityHeader;
    }

    /** Without {@code client_override}: the header is honoured. */
    public RoutingConfig(String strategy, WeightsConfig weights, String affinityHeader) {
        this(strategy, weights, affinityHeader, null);
    }

    public static RoutingConfig defaults() {
        return new RoutingConfig(null, null, null);
    }

    /** The parsed {@code client_override}; call after validation. */
    public ClientOverride clientOverridePolicy() {
        return ClientOverride.fromWire(clientOverride);
    }

    /** The parsed strategy; call after validation. */
    public RoutingStrategy routingStrategy() {
        return RoutingStrategy.fromWire(strategy);
    }
}
