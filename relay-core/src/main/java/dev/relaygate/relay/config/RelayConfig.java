package dev.relaygate.relay.config;

import java.util.List;
import java.util.Map;

/**
 * The whole relay configuration, as documented field by field in {@code examples/relaygate.yaml}.
 * Sections left out of the YAML get their defaults; {@link ConfigValidator} checks the rest.
 *
 * @param models     alias -> upstream model name; a request whose {@code model} is an alias is rewritten
 * @param clientKeys keys clients must present as {@code Authorization: Bearer}; empty = no client auth
 * @param trafficShift defaults of a rollout (the vendor playbook's {@code traffic_shift}); an admin/PATCH body overrides
 *                     field by field; {@code evaluation_interval_ms} is the controller's timer period
 * @param stateFile  where rollout phase and weights persist across restarts; null keeps them in memory
 * @param healthCheckIntervalSeconds how often each environment's {@code /models} is probed with its key
 *                   (default 30; 0 = off); an unhealthy green cannot receive a shift
 * @param requestLog JSONL request log (off unless {@code dir} is set)
 * @param prices     model -> USD per million tokens (roi-calculator names); cost per 1,000 requests in status
 * @param shadow     mirroring to green in SHADOW (sampling, tolerance, in-flight bound)
 * @param cluster    the fleet this relay is a member of; null runs it alone (no Hazelcast is started)
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
        StreamingConfig streaming,
        TrafficShiftSettings trafficShift,
        String stateFile,
        Long healthCheckIntervalSeconds,
        RequestLogConfig requestLog,
        Map<String, ModelPrice> prices,
        ShadowConfig shadow,
        ClusterConfig cluster) {

    public RelayConfig {
        server = server == null ? ServerConfig.defaults() : server;
        routing = routing == null ? RoutingConfig.defaults() : routing;
        models = models == null ? Map.of() : Map.copyOf(models);
        clientKeys = clientKeys == null ? List.of() : List.copyOf(clientKeys);
        admin = admin == null ? AdminConfig.none() : admin;
        upstream = upstream == null ? UpstreamConfig.defaults() : upstream;
        limits = limits == null ? LimitsConfig.defaults() : limits;
        streaming = streaming == null ? StreamingConfig.defaults() : streaming;
        trafficShift = trafficShift == null ? TrafficShiftSettings.defaults() : trafficShift;
        stateFile = stateFile == null || stateFile.isBlank() ? null : stateFile;
        healthCheckIntervalSeconds =
                healthCheckIntervalSeconds == null ? DEFAULT_HEALTH_CHECK_INTERVAL_SECONDS : healthCheckIntervalSeconds;
        requestLog = requestLog == null ? RequestLogConfig.none() : requestLog;
        prices = prices == null ? Map.of() : Map.copyOf(prices);
        shadow = shadow == null ? ShadowConfig.defaults() : shadow;
    }

    /** Active health checks run this often by default; 0 turns them off. */
    public static final long DEFAULT_HEALTH_CHECK_INTERVAL_SECONDS = 30;

    /** Without the rollout and accounting sections: each of those takes its default. */
    public RelayConfig(
            ServerConfig server,
            EnvironmentsConfig environments,
            RoutingConfig routing,
            Map<String, String> models,
            List<Secret> clientKeys,
            AdminConfig admin,
            UpstreamConfig upstream,
            LimitsConfig limits,
            StreamingConfig streaming) {
        this(
                server,
                environments,
                routing,
                models,
                clientKeys,
                admin,
                upstream,
                limits,
                streaming,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * A minimal config for in-process use (tests, Gatling simulations): loopback, a free port,
     * all traffic on blue, no client keys, the given admin token.
     */
    public static RelayConfig of(EnvironmentConfig blue, EnvironmentConfig green, String adminToken) {
        return new RelayConfig(
                ServerConfig.defaults().withPort(0),
                new EnvironmentsConfig(blue, green),
                null,
                null,
                null,
                new AdminConfig(Secret.of(adminToken)),
                null,
                null,
                null);
    }

    public RelayConfig withServer(ServerConfig newServer) {
        return new RelayConfig(
                newServer,
                environments,
                routing,
                models,
                clientKeys,
                admin,
                upstream,
                limits,
                streaming,
                trafficShift,
                stateFile,
                healthCheckIntervalSeconds,
                requestLog,
                prices,
                shadow,
                cluster);
    }

    public RelayConfig withEnvironments(EnvironmentsConfig newEnvironments) {
        return new RelayConfig(
                server,
                newEnvironments,
                routing,
                models,
                clientKeys,
                admin,
                upstream,
                limits,
                streaming,
                trafficShift,
                stateFile,
                healthCheckIntervalSeconds,
                requestLog,
                prices,
                shadow,
                cluster);
    }

    public RelayConfig withRouting(RoutingConfig newRouting) {
        return new RelayConfig(
                server,
                environments,
                newRouting,
                models,
                clientKeys,
                admin,
                upstream,
                limits,
                streaming,
                trafficShift,
                stateFile,
                healthCheckIntervalSeconds,
                requestLog,
                prices,
                shadow,
                cluster);
    }

    public RelayConfig withModels(Map<String, String> newModels) {
        return new RelayConfig(
                server,
                environments,
                routing,
                newModels,
                clientKeys,
                admin,
                upstream,
                limits,
                streaming,
                trafficShift,
                stateFile,
                healthCheckIntervalSeconds,
                requestLog,
                prices,
                shadow,
                cluster);
    }

    public RelayConfig withClientKeys(List<Secret> newClientKeys) {
        return new RelayConfig(
                server,
                environments,
                routing,
                models,
                newClientKeys,
                admin,
                upstream,
                limits,
                streaming,
                trafficShift,
                stateFile,
                healthCheckIntervalSeconds,
                requestLog,
                prices,
                shadow,
                cluster);
    }

    public RelayConfig withUpstream(UpstreamConfig newUpstream) {
        return new RelayConfig(
                server,
                environments,
                routing,
                models,
                clientKeys,
                admin,
                newUpstream,
                limits,
                streaming,
                trafficShift,
                stateFile,
                healthCheckIntervalSeconds,
                requestLog,
                prices,
                shadow,
                cluster);
    }

    public RelayConfig withLimits(LimitsConfig newLimits) {
        return new RelayConfig(
                server,
                environments,
                routing,
                models,
                clientKeys,
                admin,
                upstream,
                newLimits,
                streaming,
                trafficShift,
                stateFile,
                healthCheckIntervalSeconds,
                requestLog,
                prices,
                shadow,
                cluster);
    }

    public RelayConfig withStreaming(StreamingConfig newStreaming) {
        return new RelayConfig(
                server,
                environments,
                routing,
                models,
                clientKeys,
                admin,
                upstream,
                limits,
                newStreaming,
                trafficShift,
                stateFile,
                healthCheckIntervalSeconds,
                requestLog,
                prices,
                shadow,
                cluster);
    }

    public RelayConfig withTrafficShift(TrafficShiftSettings newTrafficShift) {
        return new RelayConfig(
                server,
                environments,
                routing,
                models,
                clientKeys,
                admin,
                upstream,
                limits,
                streaming,
                newTrafficShift,
                stateFile,
                healthCheckIntervalSeconds,
                requestLog,
                prices,
                shadow,
                cluster);
    }

    public RelayConfig withStateFile(String newStateFile) {
        return new RelayConfig(
                server,
                environments,
                routing,
                models,
                clientKeys,
                admin,
                upstream,
                limits,
                streaming,
                trafficShift,
                newStateFile,
                healthCheckIntervalSeconds,
                requestLog,
                prices,
                shadow,
                cluster);
    }

    public RelayConfig withHealthCheckIntervalSeconds(long seconds) {
        return new RelayConfig(
                server,
                environments,
                routing,
                models,
                clientKeys,
                admin,
                upstream,
                limits,
                streaming,
                trafficShift,
                stateFile,
                seconds,
                requestLog,
                prices,
                shadow,
                cluster);
    }

    public RelayConfig withRequestLog(RequestLogConfig newRequestLog, Map<String, ModelPrice> newPrices) {
        return new RelayConfig(
                server,
                environments,
                routing,
                models,
                clientKeys,
                admin,
                upstream,
                limits,
                streaming,
                trafficShift,
                stateFile,
                healthCheckIntervalSeconds,
                newRequestLog,
                newPrices,
                shadow,
                cluster);
    }

    public RelayConfig withCluster(ClusterConfig newCluster) {
        return new RelayConfig(
                server,
                environments,
                routing,
                models,
                clientKeys,
                admin,
                upstream,
                limits,
                streaming,
                trafficShift,
                stateFile,
                healthCheckIntervalSeconds,
                requestLog,
                prices,
                shadow,
                newCluster);
    }

    public RelayConfig withShadow(ShadowConfig newShadow) {
        return new RelayConfig(
                server,
                environments,
                routing,
                models,
                clientKeys,
                admin,
                upstream,
                limits,
                streaming,
                trafficShift,
                stateFile,
                healthCheckIntervalSeconds,
                requestLog,
                prices,
                newShadow,
                cluster);
    }
}
