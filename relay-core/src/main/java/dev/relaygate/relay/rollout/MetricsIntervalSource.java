package dev.relaygate.relay.rollout;

import dev.relaygate.relay.judge.IntervalSlice;
import dev.relaygate.relay.metrics.IntervalSnapshot;
import dev.relaygate.relay.metrics.RelayMetrics;
import dev.relaygate.relay.shadow.ShadowSummary;
import java.util.Objects;

/**
 * The production {@link IntervalSource}: takes both environments' interval snapshots from the
 * relay's metrics (resetting them: the controller is their only reader) and the shadow comparisons
 * counted since the previous take.
 */
public final class MetricsIntervalSource implements IntervalSource {

    private final RelayMetrics metrics;
    private final ShadowSummary shadow;
    private long lastCompared;
    private long lastDissimilar;

    public MetricsIntervalSource(RelayMetrics metrics, ShadowSummary shadow) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.shadow = Objects.requireNonNull(shadow, "shadow");
        ShadowSummary.Snapshot s = shadow.snapshot();
        this.lastCompared = s.compared();
        this.lastDissimilar = s.dissimilar();
    }

    @Override
    public synchronized IntervalSlice take(boolean count429AsError) {
        IntervalSnapshot blue = metrics.blue().takeInterval();
        IntervalSnapshot green = metrics.green().takeInterval();
        ShadowSummary.Snapshot s = shadow.snapshot();
        long compared = Math.max(0, s.compared() - lastCompared);
        long dissimilar = Math.min(compared, Math.max(0, s.dissimilar() - lastDissimilar));
        lastCompared = s.compared();
        lastDissimilar = s.dissimilar();
        return IntervalSlice.of(blue, green, compared, dissimilar, count429AsError);
    }
}
