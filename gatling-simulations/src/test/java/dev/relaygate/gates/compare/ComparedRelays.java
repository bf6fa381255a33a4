package dev.relaygate.gates.compare;

import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.relays.BundledRelaygate;
import dev.relaygate.gates.relays.Capabilities;
import dev.relaygate.gates.relays.ComparedRelayNames;
import dev.relaygate.gates.relays.ExternalRelay;
import dev.relaygate.gates.relays.PortkeyGateway;
import dev.relaygate.gates.relays.RelayHeaders;
import dev.relaygate.gates.relays.RelayKind;
import dev.relaygate.gates.relays.RelaySpec;
import dev.relaygate.gates.relays.RelayUnderTest;
import dev.relaygate.gates.relays.Upstreams;
import dev.relaygate.gates.relays.WeightControl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The relays a comparison build drives, from {@code -Dgates.relays} (default {@code relaygate,portkey}):
 * relaygate in-process, Portkey's open-source gateway as a child process, and the external relay of
 * {@code -Drelay.url}. relaygate is always among them: its results decide the build.
 */
public final class ComparedRelays {

    public static final String DEFAULT = "relaygate,portkey";
    public static final String PORTKEY = ComparedRelayNames.PORTKEY;
    private static final RelaySpec PORTKEY_SPEC = new RelaySpec(
            PORTKEY,
            RelayKind.CHILD_PROCESS,
            new Capabilities(WeightControl.PER_REQUEST_CONFIG, false, true, false),
            Set.of("x-portkey-config"),
            true);

    private ComparedRelays() {}

    /** @throws IllegalArgumentException naming an unknown relay, or a list without relaygate */
    public static List<RelaySpec> specs(GateProperties props) {
        List<RelaySpec> specs = new ArrayList<>();
        for (String name : ComparedRelayNames.parse(props.shared("gates.relays").orElse(DEFAULT))) {
            specs.add(
                    switch (name) {
                        case BundledRelaygate.NAME -> BundledRelaygate.SPEC;
                        case PORTKEY -> PORTKEY_SPEC;
                        default -> {
                            if (props.externalRelayUrl().isEmpty()) {
                                throw new IllegalArgumentException(
                                        "gates.relays names external, but -Drelay.url is not set");
                            }
                            yield GateRig.relaySpec(props);
                        }
                    });
        }
        return List.copyOf(specs);
    }

    /** Starts the relay {@code spec} names in front of {@code upstreams}; {@code logDir} keeps a child's output. */
    public static RelayUnderTest start(RelaySpec spec, Upstreams upstreams, GateProperties props, Path logDir) {
        return switch (spec.name()) {
            case BundledRelaygate.NAME ->
                BundledRelaygate.start(upstreams, GateRig.freePort(), UnaryOperator.identity());
            case PORTKEY ->
                PortkeyGateway.start(
                        upstreams,
                        props.repoDir().resolve("peers").resolve(PORTKEY),
                        logDir.resolve(props.gate() + "." + PORTKEY + ".log"));
            default ->
                ExternalRelay.of(
                        props.externalRelayUrl().orElseThrow(),
                        props.shared("relay.key").orElse(GateRig.CLIENT_KEY),
                        RelayHeaders.parse(props.shared("relay.headers").orElse("")),
                        upstreams);
        };
    }
}
