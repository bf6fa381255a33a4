package dev.relaygate.relay.metrics;

import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.time.Clock;
import java.util.concurrent.atomic.LongAdder;

/** One {@link EnvironmentMetrics} per environment, plus relay-wide counters. */
public final class RelayMetrics {

    private final EnvironmentMetrics blue;
    private final EnvironmentMetrics green;
    private final EnvironmentMetrics overriddenBlue;
    private final EnvironmentMetrics overriddenGreen;
    private final LongAdder rejected = new LongAdder();
    private final LongAdder poolExhaustedBlue = new LongAdder();
    private final LongAdder poolExhaustedGreen = new LongAdder();

    public RelayMetrics(Clock clock) {
        this.blue = new EnvironmentMetrics(Environment.BLUE, clock);
        this.green = new EnvironmentMetrics(Environment.GREEN, clock);
        this.overriddenBlue = new EnvironmentMetrics(Environment.BLUE, clock);
        this.overriddenGreen = new EnvironmentMetrics(Environment.GREEN, clock);
    }

    /**
     * Requests a client forced to an environment with {@code X-Route-Policy}: counted apart from {@link #of},
     * which the canary judge reads, so a client can never add samples to (or dilute) a canary.
     */
    public EnvironmentMetrics overridden(Environment environment) {
        return environment == Environment.GREEN ? overriddenGreen : overriddenBlue;
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

    /**
     * Counts a request the relay answered 503 because its own pool to {@code environment} was full: apart from
     * the environment's outcomes, since the upstream never saw it.
     */
    public void recordPoolExhausted(Environment environment) {
        (environment == Environment.GREEN ? poolExhaustedGreen : poolExhaustedBlue).increment();
    }

    public long poolExhausted(Environment environment) {
        return (environment == Environment.GREEN ? poolExhaustedGreen : poolExhaustedBlue).sum();
    }

    /** Counts a request the relay answered itself before routing (auth, size, JSON, path, method). */
    public void recordRejected() {
        rejected.increment();
    }

    public long rejected() {
        return rejected.sum();
    }
}
