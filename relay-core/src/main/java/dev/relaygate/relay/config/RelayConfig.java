package dev.relaygate.relay.config;

import java.util.List;
import java.util.Map;

/**
 * The whole relay configuration, as documented field by field in {@code examples/relaygate.yaml}.
 * Sections left out of the YAML get their defaults; {@link ConfigValidator} checks the rest.
 *
 * @param models     alias -> upstream model name; a request whose {@code model} is an alias is rewritten
 * @param clientKeys keys clients must present as {@code Authorization: Bearer}; empty = no client auth
 */
public record RelayConfig(
        ServerConfig server,
        EnvironmentsConfig environments,
        RoutingConfig routing,
        Map<String, String> models,
        List<Secret> clientKeys,
        AdminConfig admin,
        UpstreamConfig upstream,
        LimitsConfig limits,
        StreamingConfig streaming) {

    public RelayConfig {
        server = server == null ? ServerConfig.defaults() : server;
        routing = routing == null ? RoutingConfig.defaults() : routing;
        models = models == null ? Map.of() : Map.copyOf(models);
        clientKeys = clientKeys == null ? List.of() : List.copyOf(clientKeys);
        admin = admin == null ? AdminConfig.none() : admin;
        upstream = upstream == null ? UpstreamConfig.defaults() : upstream;
        limits = limits == null ? LimitsConfig.defaults() : limits;
        streaming = streaming == null ? StreamingConfig.defaults() : streaming;
    }

    /**
     * A minimal config for in-process use (tests, Gatling simulations): loopback, a free port,
     * all traffic on blue, no client keys, the given admin token.
     */
    public static RelayConfig of(EnvironmentConfig blue, EnvironmentConfig green, String adminToken) {
        return new RelayConfig(ServerConfig.defaults().withPort(0), new EnvironmentsConfig(blue, green),
                null, null, null, new AdminConfig(Secret.of(adminToken)), null, null, null);
    }

    public RelayConfig withServer(ServerConfig newServer) {
        return new RelayConfig(newServer, environments, routing, models, clientKeys, admin, upstream, limits,
                streaming);
    }

    public RelayConfig withRouting(RoutingConfig newRouting) {
        return new RelayConfig(server, environments, newRouting, models, clientKeys, admin, upstream, limits,
                streaming);
    }

    public RelayConfig withModels(Map<String, String> newModels) {
        return new RelayConfig(server, environments, routing, newModels, clientKeys, admin, upstream, limits,
                streaming);
    }

    public RelayConfig withClientKeys(List<Secret> newClientKeys) {
        return new RelayConfig(server, environments, routing, models, newClientKeys, admin, upstream, limits,
                streaming);
    }

    public RelayConfig withUpstream(UpstreamConfig newUpstream) {
        return new RelayConfig(server, environments, routing, models, clientKeys, admin, newUpstream, limits,
                streaming);
    }

    public RelayConfig withLimits(LimitsConfig newLimits) {
        return new RelayConfig(server, environments, routing, models, clientKeys, admin, upstream, newLimits,
                streaming);
    }

    public RelayConfig withStreaming(StreamingConfig newStreaming) {
        return new RelayConfig(server, environments, routing, models, clientKeys, admin, upstream, limits,
                newStreaming);
    }
}
