package dev.relaygate.relay.config;

import dev.relaygate.relay.exchange.Environment;

/** {@code environments}: the blue (current) and green (candidate) upstreams. */
public record EnvironmentsConfig(EnvironmentConfig blue, EnvironmentConfig green) {

    public EnvironmentConfig of(Environment environment) {
        return environment == Environment.GREEN ? green : blue;
    }
}
