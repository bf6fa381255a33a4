package dev.relaygate.gates;

import java.util.Objects;

/** A marked instant of a gate run (fault onset, rollback, manual command), relative to the gate's zero. */
public record GateEvent(long tMs, String name, String detail) {

    public GateEvent {
        Objects.requireNonNull(name, "name");
        if (tMs < 0) {
            throw new IllegalArgumentException("t_ms must be >= 0, but was " + tMs);
        }
    }
}
