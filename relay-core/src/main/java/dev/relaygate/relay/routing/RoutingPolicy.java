package dev.relaygate.relay.routing;

import dev.relaygate.relay.config.RoutingStrategy;
import dev.relaygate.relay.exchange.Environment;
import java.util.Objects;

/**
 * One immutable snapshot of how new requests are routed. Held by {@link PolicyStore}; the route
 * decision reads exactly one snapshot per request, so a change never splits a request's view.
 *
 * @param greenWeight     share of new requests sent to green, in percent [0,100]; blue gets the rest
 * @param strategy        weighted split, or shadow (blue serves, green gets mirrored copies)
 * @param shadow          whether sampled blue requests are mirrored to green
 * @param version         increases by one on every change made through {@link PolicyStore}
 * @param changedAtMillis wall time of the change that produced this snapshot
 * @param changedBy       short reason for the change ("config", "admin traffic-shift", "rollback", ...)
 */
public record RoutingPolicy(
        int greenWeight,
        RoutingStrategy strategy,
        boolean shadow,
        long version,
        long changedAtMillis,
        String changedBy) {

    public static final int MAX_WEIGHT = 100;

    private static final String FROM_CONFIG = "config";

    public RoutingPolicy {
        if (greenWeight < 0 || greenWeight > MAX_WEIGHT) {
            throw new IllegalArgumentException("green_weight must be in [0,100], but was " + greenWeight);
        }
        Objects.requireNonNull(strategy, "strategy");
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, but was " + version);
        }
        changedBy = changedBy == null ? "" : changedBy;
    }

    /** The policy a relay starts with, at version 0. */
    public static RoutingPolicy initial(int greenWeight, RoutingStrategy strategy, long nowMillis) {
        return new RoutingPolicy(greenWeight, strategy, strategy == RoutingStrategy.SHADOW, 0, nowMillis, FROM_CONFIG);
    }

    /** Whether this is still the policy the config file set at start (no decision changed it since). */
    public boolean fromConfig() {
        return version == 0 && FROM_CONFIG.equals(changedBy);
    }

    /** All traffic on blue: what a rollback installs. */
    public static RoutingPolicy allBlue(long nowMillis) {
        return initial(0, RoutingStrategy.WEIGHTED, nowMillis);
    }

    public int blueWeight() {
        return MAX_WEIGHT - greenWeight;
    }

    public int weightOf(Environment environment) {
        return environment == Environment.GREEN ? greenWeight : blueWeight();
    }

    /** A copy with new weights; {@link PolicyStore} stamps the version and time. */
    public RoutingPolicy withGreenWeight(int newGreenWeight, String reason) {
        return new RoutingPolicy(newGreenWeight, strategy, shadow, version, changedAtMillis, reason);
    }

    public RoutingPolicy withStrategy(RoutingStrategy newStrategy, String reason) {
        return new RoutingPolicy(
                greenWeight,
                newStrategy,
                newStrategy == RoutingStrategy.SHADOW || shadow,
                version,
                changedAtMillis,
                reason);
    }

    public RoutingPolicy withShadow(boolean newShadow, String reason) {
        return new RoutingPolicy(greenWeight, strategy, newShadow, version, changedAtMillis, reason);
    }

    /** A copy carrying the version and time {@link PolicyStore} assigns on commit. */
    RoutingPolicy stamped(long newVersion, long nowMillis) {
        return new RoutingPolicy(greenWeight, strategy, shadow, newVersion, nowMillis, changedBy);
    }

    /** Whether two policies route identically (ignores version, time and reason). */
    public boolean sameRouting(RoutingPolicy other) {
        return other != null
                && greenWeight == other.greenWeight
                && strategy == other.strategy
                && shadow == other.shadow;
    }
}
