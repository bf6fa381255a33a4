package dev.relaygate.relay.judge;

import java.util.List;
import java.util.Objects;

/**
 * The evidence one evaluation looks at: the interval slices of the last {@code window_seconds} (or
 * since the step began, if that is shorter), oldest first, and their totals.
 */
public record Window(
        long startMillis,
        long endMillis,
        List<IntervalSlice> slices,
        EnvironmentWindow blue,
        EnvironmentWindow green,
        long shadowCompared,
        long shadowDissimilar) {

    public Window {
        slices = List.copyOf(slices);
        Objects.requireNonNull(blue, "blue");
        Objects.requireNonNull(green, "green");
    }

    public long durationMillis() {
        return endMillis - startMillis;
    }
}
