package dev.relaygate.relay.rollout;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Whether a controller decides alone or as the leader of a fleet. Alone, every change writes the state file and a
 * healthy step always advances. In a fleet, the caller writes the state file once the cluster record holds the
 * change (the record is where a decision must be first), and a healthy step waits while {@code advanceHold} says
 * why: members out of sight, or members whose traffic went unjudged. Rollbacks are never held.
 *
 * @param advanceHold   why advancing must wait, or null when it may advance; read once per judged tick
 * @param savesOnChange whether a change writes the state file by itself
 */
public record ControllerMode(Supplier<String> advanceHold, boolean savesOnChange) {

    public static final ControllerMode ALONE = new ControllerMode(() -> null, true);

    public ControllerMode {
        Objects.requireNonNull(advanceHold, "advanceHold");
    }

    public static ControllerMode inFleet(Supplier<String> advanceHold) {
        return new ControllerMode(advanceHold, false);
    }
}
