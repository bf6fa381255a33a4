package dev.relaygate.relay.metrics;

import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.time.Clock;
import java.util.concurrent.atomic.LongAdder;

/** One {@link EnvironmentMetrics} per environment, plus relay-wide counters. */
public final class RelayMetrics {

    private final EnvironmentMetrics blue;
    private final EnvironmentMetrics green;
    private final LongAdder rejected = new LongAdder();

    public RelayMetrics(Clock clock) {
        this.blue = new EnvironmentMetrics(Environment.BLUE, clock);
        this.green = new EnvironmentMetrics(Environment.GREEN, clock);
    }

    public EnvironmentMetrics of(Environment environment) {
        return environment == Environment.GREEN ? green : blue;
    }

    public EnvironmentMetrics blue() {
        return blue;
    }

    public EnvironmentMetrics green() {
        return green;
    }

    /** Counts a request the relay answered itself before routing (auth, size, JSON, path, method). */
    public void recordRejected() {
        rejected.increment();
    }

    public long rejected() {
        return rejected.sum();
    }
}
