package dev.relaygate.gates;

import dev.relaygate.gates.relays.BundledRelaygate;
import dev.relaygate.gates.relays.ExternalRelay;
import dev.relaygate.gates.relays.RelayHeaders;
import dev.relaygate.gates.relays.RelayKind;
import dev.relaygate.gates.relays.RelaySpec;
import dev.relaygate.gates.relays.RelayUnderTest;
import dev.relaygate.gates.relays.Upstreams;
import dev.relaygate.mock.MockSettings;
import dev.relaygate.mock.MockUpstream;
import dev.relaygate.mock.ProfileSettings;
import dev.relaygate.relay.config.RelayConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What a gate drives: two mock providers (blue, green) on 127.0.0.1 with free ports, and the relay under
 * test in front of them: relaygate in-process, or with {@code -Drelay.url} an external relay (see
 * {@link ExternalRelay}; for the overhead gate {@code -Dupstream.url}/{@code -Dupstream.key} name the mock
 * it forwards to, unless its headers point it at the harness's mocks).
 */
public final class GateRig implements AutoCloseable {

    public static final String CLIENT_KEY = BundledRelaygate.CLIENT_KEY;
    public static final String ADMIN_TOKEN = BundledRelaygate.ADMIN_TOKEN;
    public static final String BLUE_KEY = "sk-blue";
    public static final String GREEN_KEY = "sk-green";

    private final MockUpstream blue;
    private final MockUpstream green;
    private final RelayUnderTest relay;
    private final AdminClient admin;
    private final String directUrl;
    private final String directKey;

    private GateRig(
            MockUpstream blue,
            MockUpstream green,
            RelayUnderTest relay,
            AdminClient admin,
            String directUrl,
            String directKey) {
        this.blue = blue;
        this.green = green;
        this.relay = relay;
        this.admin = admin;
        this.directUrl = directUrl;
        this.directKey = directKey;
    }

    /** Mocks and relaygate in-process, blue 100 / green 0; {@code customize} adjusts the relay's config. */
    public static GateRig start(
            ProfileSettings blueProfile, ProfileSettings greenProfile, UnaryOperator<RelayConfig> customize) {
        return start(null, blueProfile, greenProfile, customize, rig -> rig.warmUp(Duration.ofSeconds(2)));
    }

    /**
     * The relay {@code props} name ({@link #relaySpec}) in front of mocks with these profiles: relaygate
     * in-process (configured by {@code customize}), or the external relay.
     */
    public static GateRig start(
            GateProperties props,
            ProfileSettings blueProfile,
            ProfileSettings greenProfile,
            UnaryOperator<RelayConfig> customize) {
        return start(props, blueProfile, greenProfile, customize, rig -> rig.warmUp(Duration.ofSeconds(2)));
    }

    /** As above with the warm-up given: whatever fails on the way up, everything started so far is closed. */
    static GateRig start(
            GateProperties props,
            ProfileSettings blueProfile,
            ProfileSettings greenProfile,
            UnaryOperator<RelayConfig> customize,
            Consumer<GateRig> warmUp) {
        MockUpstream blue = MockUpstream.start(MockSettings.of("blue", BLUE_KEY).withProfile(blueProfile));
        MockUpstream green = null;
        RelayUnderTest relay = null;
        try {
            green = MockUpstream.start(MockSettings.of("green", GREEN_KEY).withProfile(greenProfile));
            Upstreams upstreams = new Upstreams(blue.baseUrl(), BLUE_KEY, green.baseUrl(), GREEN_KEY);
            GateRig rig;
            if (props != null && props.externalRelayUrl().isPresent()) {
                rig = external(props, blue, green, upstreams);
            } else {
                // a concrete free port: several server instances sharing one port cannot all ask for port 0
                BundledRelaygate bundled = BundledRelaygate.start(upstreams, freePort(), customize);
                relay = bundled;
                rig = new GateRig(
                        blue, green, bundled, bundled.admin(), blue.baseUrl() + "/chat/completions", BLUE_KEY);
            }
            relay = rig.relay;
            warmUp.accept(rig);
            return rig;
        } catch (RuntimeException | Error e) {
            new GateRig(blue, green, relay, null, null, BLUE_KEY).close();
            throw e;
        }
    }

    private static GateRig external(GateProperties props, MockUpstream blue, MockUpstream green, Upstreams upstreams) {
        String url = props.externalRelayUrl().orElseThrow();
        Map<String, String> headers =
                RelayHeaders.parse(props.shared("relay.headers").orElse(""));
        ExternalRelay relay = ExternalRelay.of(url, props.shared("relay.key").orElse(CLIENT_KEY), headers, upstreams);
        boolean onOurMocks = ExternalRelay.spec(headers).usesHarnessUpstreams();
        String direct = props.shared("upstream.url")
                .map(u -> u + "/chat/completions")
                .orElse(onOurMocks ? blue.baseUrl() + "/chat/completions" : null);
        return new GateRig(
                blue,
                green,
                relay,
                new AdminClient(
                        relay.baseUrl(), props.shared("relay.admin_token").orElse(ADMIN_TOKEN)),
                direct,
                props.shared("upstream.key").orElse(BLUE_KEY));
    }

    /** The relay {@code props} select, known before anything starts: the external one with {@code -Drelay.url}. */
    public static RelaySpec relaySpec(GateProperties props) {
        return props.externalRelayUrl().isPresent()
                ? ExternalRelay.spec(
                        RelayHeaders.parse(props.shared("relay.headers").orElse("")))
                : BundledRelaygate.SPEC;
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
            client.closedLoop(OpenLoopClient.Target.of(relay), 8, duration);
            client.closedLoop(
                    new OpenLoopClient.Target("green", green.baseUrl() + "/chat/completions", GREEN_KEY),
                    4,
                    duration.dividedBy(2));
        }
        blue.resetCounts();
        green.resetCounts();
    }

    public static int freePort() {
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

    /** The relay {@code props} select in front of healthy mocks. */
    public static GateRig start(GateProperties props) {
        return start(props, ProfileSettings.healthy(), ProfileSettings.healthy(), UnaryOperator.identity());
    }

    public RelayUnderTest relay() {
        return relay;
    }

    public boolean external() {
        return relay.kind() == RelayKind.EXTERNAL;
    }

    /** {@code http://127.0.0.1:PORT}, without {@code /v1}. */
    public String relayUrl() {
        return relay.baseUrl();
    }

    public String clientKey() {
        return relay.clientKey();
    }

    /** relaygate's admin API (of the external relay, when it is a relaygate given {@code -Drelay.admin_token}). */
    public AdminClient admin() {
        return admin;
    }

    public MockUpstream blue() {
        return blue;
    }

    public MockUpstream green() {
        return green;
    }

    /** The blue mock's chat URL for direct (relay-free) calls, or null when an external run gave none. */
    public String directChatUrl() {
        return directUrl;
    }

    public String directKey() {
        return directKey;
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
