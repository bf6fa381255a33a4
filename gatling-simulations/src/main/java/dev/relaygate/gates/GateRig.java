package dev.relaygate.gates;

import dev.relaygate.mock.MockSettings;
import dev.relaygate.mock.MockUpstream;
import dev.relaygate.mock.ProfileSettings;
import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.config.EnvironmentConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What a gate drives: two mock providers (blue, green) and an in-process relay in front of them, all on
 * 127.0.0.1 with free ports; or, with {@code -Drelay.url}, an external relay (and, for the overhead
 * gate, {@code -Dupstream.url}/{@code -Dupstream.key} naming the mock it forwards to).
 */
public final class GateRig implements AutoCloseable {

    public static final String CLIENT_KEY = "sk-relaygate-gate-client";
    public static final String ADMIN_TOKEN = "relaygate-gate-admin";
    public static final String BLUE_KEY = "sk-blue";
    public static final String GREEN_KEY = "sk-green";

    private final MockUpstream blue;
    private final MockUpstream green;
    private final RelayServer relay;
    private final String relayUrl;
    private final String clientKey;
    private final AdminClient admin;
    private final String directUrl;
    private final String directKey;

    private GateRig(
            MockUpstream blue,
            MockUpstream green,
            RelayServer relay,
            String relayUrl,
            String clientKey,
            String adminToken,
            String directUrl,
            String directKey) {
        this.blue = blue;
        this.green = green;
        this.relay = relay;
        this.relayUrl = relayUrl;
        this.clientKey = clientKey;
        this.admin = new AdminClient(relayUrl, adminToken);
        this.directUrl = directUrl;
        this.directKey = directKey;
    }

    /** Mocks and relay in-process, blue 100 / green 0; {@code customize} adjusts the relay's config. */
    public static GateRig start(
            ProfileSettings blueProfile, ProfileSettings greenProfile, UnaryOperator<RelayConfig> customize) {
        return start(blueProfile, greenProfile, customize, rig -> rig.warmUp(Duration.ofSeconds(2)));
    }

    /** As above with the warm-up given: whatever fails on the way up, everything started so far is closed. */
    static GateRig start(
            ProfileSettings blueProfile,
            ProfileSettings greenProfile,
            UnaryOperator<RelayConfig> customize,
            Consumer<GateRig> warmUp) {
        MockUpstream blue = MockUpstream.start(MockSettings.of("blue", BLUE_KEY).withProfile(blueProfile));
        MockUpstream green = null;
        RelayServer relay = null;
        try {
            green = MockUpstream.start(MockSettings.of("green", GREEN_KEY).withProfile(greenProfile));
            RelayConfig base = RelayConfig.of(
                            EnvironmentConfig.of("blue", blue.baseUrl(), BLUE_KEY),
                            EnvironmentConfig.of("green", green.baseUrl(), GREEN_KEY),
                            ADMIN_TOKEN)
                    .withClientKeys(List.of(Secret.of(CLIENT_KEY)));
            // a concrete free port: several server instances sharing one port cannot all ask for port 0
            RelayConfig config = customize.apply(base.withServer(base.server().withPort(freePort())));
            relay = RelayServer.start(config);
            GateRig rig = new GateRig(
                    blue,
                    green,
                    relay,
                    relay.adminUrl(),
                    CLIENT_KEY,
                    ADMIN_TOKEN,
                    blue.baseUrl() + "/chat/completions",
                    BLUE_KEY);
            warmUp.accept(rig);
            return rig;
        } catch (RuntimeException | Error e) {
            new GateRig(blue, green, relay, "http://127.0.0.1", CLIENT_KEY, ADMIN_TOKEN, null, BLUE_KEY).close();
            throw e;
        }
    }

    /**
     * Sends requests through the relay and to both mocks in a closed loop before any gate traffic: a cold
     * JVM compiling the relay's, WireMock's and Vert.x's hot paths while the load arrives builds a queue
     * it takes many seconds to drain (the gates' own warm-up then only has Gatling's code left to warm).
     * Nothing here is measured; the mocks' served counts are reset afterwards.
     */
    void warmUp(Duration duration) {
        try (OpenLoopClient client = new OpenLoopClient(
                8,
                "{\"model\":\"gpt-4.1\",\"messages\":[{\"role\":"
                        + "\"user\",\"content\":\"warm-up\"}],\"max_tokens\":8}")) {
            client.closedLoop(
                    new OpenLoopClient.Target("relay", relayUrl + "/v1/chat/completions", clientKey), 8, duration);
            client.closedLoop(
                    new OpenLoopClient.Target("green", green.baseUrl() + "/chat/completions", GREEN_KEY),
                    4,
                    duration.dividedBy(2));
        }
        blue.resetCounts();
        green.resetCounts();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Healthy mocks, default relay config. */
    public static GateRig start() {
        return start(ProfileSettings.healthy(), ProfileSettings.healthy(), UnaryOperator.identity());
    }

    /** The external relay named by {@code -Drelay.url}; nothing is started. */
    public static GateRig external(GateProperties props) {
        String url = props.externalRelayUrl().orElseThrow(() -> new IllegalStateException("relay.url is not set"));
        String direct =
                props.shared("upstream.url").map(u -> u + "/chat/completions").orElse(null);
        return new GateRig(
                null,
                null,
                null,
                url,
                props.shared("relay.key").orElse(CLIENT_KEY),
                props.shared("relay.admin_token").orElse(ADMIN_TOKEN),
                direct,
                props.shared("upstream.key").orElse(BLUE_KEY));
    }

    /** In-process unless {@code -Drelay.url} names an external relay. */
    public static GateRig startOrExternal(GateProperties props) {
        return props.externalRelayUrl().isPresent() ? external(props) : start();
    }

    public boolean external() {
        return relay == null;
    }

    /** {@code http://127.0.0.1:PORT}, without {@code /v1}. */
    public String relayUrl() {
        return relayUrl;
    }

    public String clientKey() {
        return clientKey;
    }

    public AdminClient admin() {
        return admin;
    }

    public Optional<RelayServer> relay() {
        return Optional.ofNullable(relay);
    }

    public MockUpstream blue() {
        return requireInProcess(blue, "blue mock");
    }

    public MockUpstream green() {
        return requireInProcess(green, "green mock");
    }

    /** The blue mock's chat URL for direct (relay-free) calls, or null when an external run gave none. */
    public String directChatUrl() {
        return directUrl;
    }

    public String directKey() {
        return directKey;
    }

    private static <T> T requireInProcess(T value, String what) {
        if (value == null) {
            throw new IllegalStateException(what + " is not available when the gate drives an external relay");
        }
        return value;
    }

    @Override
    public void close() {
        try {
            if (relay != null) {
                relay.close();
            }
        } finally {
            if (green != null) {
                green.close();
            }
            if (blue != null) {
                blue.close();
            }
        }
    }
}
