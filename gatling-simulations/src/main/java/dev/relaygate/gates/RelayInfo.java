package dev.relaygate.gates;

import dev.relaygate.gates.relays.RelaySpec;
import dev.relaygate.gates.relays.RelayUnderTest;
import java.util.Objects;

/**
 * The relay a gate result is about, as the result names it.
 *
 * @param name         {@code relaygate}, {@code portkey}, {@code external}
 * @param kind         in-process, child process or external
 * @param description  one line: what ran and how
 */
public record RelayInfo(String name, String kind, String description) {

    public RelayInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }

    /** Before the relay started: its name and kind. */
    public static RelayInfo of(RelaySpec spec) {
        return new RelayInfo(
                spec.name(),
                spec.kind().label(),
                spec.name() + ", " + spec.kind().label());
    }

    public static RelayInfo of(RelayUnderTest relay) {
        return new RelayInfo(relay.name(), relay.kind().label(), relay.description());
    }
}
