package dev.relaygate.jmh;

import dev.relaygate.relay.exchange.Outcome;
import dev.relaygate.relay.metrics.EnvironmentMetrics;
import dev.relaygate.relay.metrics.IntervalSnapshot;
import dev.relaygate.relay.metrics.RelayMetrics;
import java.util.Random;

/**
 * One second of canary traffic recorded through the relay's real metrics and taken as interval
 * snapshots, the judge benchmark's raw material: 1,000 requests/s at a 10 % canary (900 blue, 100
 * green), 0.1 % upstream 5xx on both, log-normal latencies with a 40 ms median (p99 about 130 ms).
 * A slower green multiplies its latencies by 1.6, which puts its p99 past 200 ms and the p99
 * difference past 50 ms, so the judge runs its most expensive path (the Mann-Whitney U test).
 */
final class JudgeInputs {

    static final long INTERVAL_MILLIS = 1_000;
    static final int WINDOW_SLICES = 30;

    final IntervalSnapshot blue;
    final IntervalSnapshot green;

    JudgeInputs(boolean slowerGreen, long seed) {
        ManualClock clock = new ManualClock(0);
        RelayMetrics metrics = new RelayMetrics(clock);
        Random random = new Random(seed);
        record(metrics.blue(), 900, 1.0, random);
        record(metrics.green(), 100, slowerGreen ? 1.6 : 1.0, random);
        clock.advanceMillis(INTERVAL_MILLIS);
        this.blue = metrics.blue().takeInterval();
        this.green = metrics.green().takeInterval();
    }

    /** The same interval's numbers, moved to start at {@code startMillis}. */
    static IntervalSnapshot at(IntervalSnapshot s, long startMillis) {
        return new IntervalSnapshot(
                s.environment(),
                s.counts(),
                s.latencyMicros(),
                s.ttfbMicros(),
                startMillis,
                startMillis + INTERVAL_MILLIS);
    }

    private static void record(EnvironmentMetrics env, int requests, double slowdown, Random random) {
        for (int i = 0; i < requests; i++) {
            long latency = (long) (40_000 * slowdown * Math.exp(0.5 * random.nextGaussian()));
            boolean error = random.nextInt(1_000) == 0;
            env.recordOutcome(Outcome.RESPONSE, error ? 502 : 200, latency, latency / 4);
        }
    }
}
