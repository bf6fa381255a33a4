package dev.relaygate.relay.metrics;

import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.exchange.Outcome;
import dev.relaygate.relay.time.Clock;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * Per-environment counters and latency histograms.
 *
 * <p>Writers (event loops) call {@link #recordOutcome}: each thread records into its own
 * single-writer tally (counters plus plain histograms behind one writer/reader phaser), two
 * uncontended atomic increments and no allocation per call. The tallies have exactly one reader,
 * {@link #harvest()}, which runs under this object's lock and moves what was recorded into the
 * accumulated totals ({@link #counts()}, {@link #accumulated()}: status, /metrics) and the pending
 * interval ({@link #takeInterval()}: only the rollout controller's tick calls it). So reading status
 * never steals samples from the controller's interval.
 */
public final class EnvironmentMetrics {

    /** One hour in microseconds: larger values are clamped (a relay request never runs that long). */
    public static final long HIGHEST_MICROS = 3_600_000_000L;

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Environment environment;
    private final Clock clock;
    private final OutcomeRecorder recorder = new OutcomeRecorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS);

    // Guarded by this: harvest() is the recorder's only reader.
    private Counts countsTotal = Counts.ZERO;
    private final Histogram latencyAccumulated = new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    private final Histogram ttfbAccumulated = new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    private final Histogram latencyPending = new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    private final Histogram ttfbPending = new Histogram(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    private Counts countsAtLastTake = Counts.ZERO;
    private long lastTakeMillis;

    public EnvironmentMetrics(Environment environment, Clock clock) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastTakeMillis = clock.currentTimeMillis();
    }

    public Environment environment() {
        return environment;
    }

    /**
     * Records one finished request. Safe from any thread; allocation-free after the calling
     * thread's first record (which creates its writer).
     *
     * @param outcome       how it ended
     * @param status        the upstream status the client received, or 0 if upstream sent none
     * @param latencyMicros from accepting the request to its last byte; negative to skip
     * @param ttfbMicros    from accepting the request to upstream's first response byte; negative if none
     */
    public void recordOutcome(Outcome outcome, int status, long latencyMicros, long ttfbMicros) {
        recorder.record(outcome, status, latencyMicros, ttfbMicros);
    }

    /** Cumulative counts since start, including every outcome recorded before this call. */
    public synchronized Counts counts() {
        harvest();
        return countsTotal;
    }

    /**
     * What was recorded since the previous call. Resets the interval: call it from one place only
     * (the rollout controller's tick); everything else reads {@link #accumulated()}.
     */
    public synchronized IntervalSnapshot takeInterval() {
        harvest();
        Counts now = countsTotal;
        Counts interval = now.minus(countsAtLastTake);
        countsAtLastTake = now;
        Histogram latency = latencyPending.copy();
        Histogram ttfb = ttfbPending.copy();
        latencyPending.reset();
        ttfbPending.reset();
        long start = lastTakeMillis;
        lastTakeMillis = clock.currentTimeMillis();
        return new IntervalSnapshot(environment, interval, latency, ttfb, start, lastTakeMillis);
    }

    /** Counts and percentiles since start; does not disturb {@link #takeInterval()}. */
    public synchronized MetricsSnapshot accumulated() {
        harvest();
        return new MetricsSnapshot(
                environment, countsTotal, Percentiles.of(latencyAccumulated), Percentiles.of(ttfbAccumulated));
    }

    /** A copy of the accumulated latency histogram (microseconds), e.g. for exporting buckets. */
    public synchronized Histogram accumulatedLatencyCopy() {
        harvest();
        return latencyAccumulated.copy();
    }

    // The recorder's single reader. Caller holds the lock.
    private void harvest() {
        recorder.drainTo(this::absorb);
    }

    private void absorb(OutcomeTally tally) {
        countsTotal = countsTotal.plus(tally.counts());
        latencyAccumulated.add(tally.latency());
        latencyPending.add(tally.latency());
        ttfbAccumulated.add(tally.ttfb());
        ttfbPending.add(tally.ttfb());
    }
}
