package dev.relaygate.jmh;

import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.exchange.Outcome;
import dev.relaygate.relay.metrics.EnvironmentMetrics;
import dev.relaygate.relay.metrics.RelayMetrics;
import dev.relaygate.relay.time.Clock;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Recording one finished request: the {@code LongAdder} counters plus the latency and time-to-first-byte
 * {@code Recorder}s, as the proxy does when an exchange ends. Gated in {@code mvn verify} at 0 B/op.
 * Inputs cycle through a ring of realistic outcomes (mostly 2xx with log-normal-ish latencies, some
 * 429/5xx/timeouts), so branches and histogram buckets vary as they do under real traffic.
 */
public class OutcomeRecordingBenchmark extends BenchmarkBase {

    @State(Scope.Benchmark)
    public static class Metrics {
        EnvironmentMetrics green;

        final Outcome[] outcomes = new Outcome[RING];
        final int[] statuses = new int[RING];
        final long[] latencyMicros = new long[RING];
        final long[] ttfbMicros = new long[RING];

        @Setup
        public void setUp() {
            green = new RelayMetrics(Clock.system()).of(Environment.GREEN);
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < RING; i++) {
                int roll = random.nextInt(100);
                outcomes[i] = roll < 2 ? Outcome.TIMEOUT : roll < 3 ? Outcome.UPSTREAM_ERROR : Outcome.RESPONSE;
                statuses[i] = outcomes[i] != Outcome.RESPONSE ? 0 : roll < 5 ? 500 : roll < 7 ? 429 : 200;
                // a long right tail: 20 ms to a few seconds
                latencyMicros[i] = (long) (20_000 * Math.exp(random.nextDouble() * 5));
                ttfbMicros[i] = outcomes[i] == Outcome.RESPONSE ? latencyMicros[i] / 4 : -1;
            }
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    /**
     * Void on purpose: the result is the recorders' and adders' state, which lives in a {@code @State}
     * object and so cannot be eliminated as dead code.
     */
    @Benchmark
    public void record(Metrics m, Cursor c) {
        int i = c.next = (c.next + 1) & RING_MASK;
        m.green.recordOutcome(m.outcomes[i], m.statuses[i], m.latencyMicros[i], m.ttfbMicros[i]);
    }
}
