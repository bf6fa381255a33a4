package dev.relaygate.gates.relays;

import java.util.Objects;
import java.util.Set;

/**
 * What is known about a relay under test before it starts: enough for a gate to decide whether it can run
 * on it at all, and to build its requests (header names are fixed; their values may change with weights).
 *
 * @param usesHarnessUpstreams  whether it forwards to the mock upstreams the harness started, so the harness
 *                              can inject faults into them
 */
public record RelaySpec(
        String name, RelayKind kind, Capabilities capabilities, Set<String> headerNames, boolean usesHarnessUpstreams) {

    public RelaySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(capabilities, "capabilities");
        headerNames = Set.copyOf(headerNames);
    }
}
