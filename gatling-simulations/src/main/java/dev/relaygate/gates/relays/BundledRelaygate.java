package dev.relaygate.gates.relays;

import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.Rollouts;
import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.config.EnvironmentConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.Secret;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;

/** relaygate itself, in this JVM: weights through its admin API, rollouts judged by its own canary judge. */
public final class BundledRelaygate implements RelayUnderTest {

    public static final String NAME = "relaygate";
    public static final String CLIENT_KEY = "sk-relaygate-gate-client";
    public static final String ADMIN_TOKEN = "relaygate-gate-admin";
    public static final RelaySpec SPEC = new RelaySpec(
            NAME, RelayKind.IN_PROCESS, new Capabilities(WeightControl.ADMIN_API, true, true, true), Set.of(), true);

    private final RelayServer server;
    private final AdminClient admin;

    private BundledRelaygate(RelayServer server) {
        this.server = server;
        this.admin = new AdminClient(server.adminUrl(), ADMIN_TOKEN);
    }

    /**
     * Starts relaygate on {@code port} in front of the two upstreams, blue 100 / green 0; {@code customize}
     * adjusts the config first.
     */
    public static BundledRelaygate start(Upstreams upstreams, int port, UnaryOperator<RelayConfig> customize) {
        RelayConfig base = RelayConfig.of(
                        EnvironmentConfig.of("blue", upstreams.blueUrl(), upstreams.blueKey()),
                        EnvironmentConfig.of("green", upstreams.greenUrl(), upstreams.greenKey()),
                        ADMIN_TOKEN)
                .withClientKeys(List.of(Secret.of(CLIENT_KEY)));
        return new BundledRelaygate(
                RelayServer.start(customize.apply(base.withServer(base.server().withPort(port)))));
    }

    public RelayServer server() {
        return server;
    }

    public AdminClient admin() {
        return admin;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        String version = RelayServer.class.getPackage().getImplementationVersion();
        return "relaygate " + (version == null ? "(this build)" : version) + ", in-process";
    }

    @Override
    public RelayKind kind() {
        return SPEC.kind();
    }

    @Override
    public String baseUrl() {
        return server.adminUrl();
    }

    @Override
    public String clientKey() {
        return CLIENT_KEY;
    }

    @Override
    public Map<String, String> headers() {
        return Map.of();
    }

    @Override
    public Set<String> headerNames() {
        return SPEC.headerNames();
    }

    @Override
    public Capabilities capabilities() {
        return SPEC.capabilities();
    }

    @Override
    public void setWeights(int blue, int green) {
        AdminClient.Reply reply = admin.trafficShift(blue, green);
        if (!reply.ok()) {
            throw new IllegalStateException(
                    "traffic-shift to " + blue + "/" + green + " answered " + reply.status() + ": " + reply.body());
        }
    }

    /**
     * relaygate runs a canary as a rollout held at its first step (an hour-long interval) under the vendor
     * playbook's thresholds, so its judge may roll it back.
     */
    @Override
    public void startCanary(int greenPercent) {
        Rollouts.start(admin, Rollouts.playbookBody(greenPercent, 3600, 0.01, 200, 50));
    }

    @Override
    public OptionalLong cpuNanos() {
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        server.close();
    }
}
