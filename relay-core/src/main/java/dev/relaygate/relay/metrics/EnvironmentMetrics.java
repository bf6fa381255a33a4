package dev.relaygate.relay.metrics;

import dev.relaygate.relay.Clock;
import dev.relaygate.relay.routing.Environment;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Per-environment counters and latency histograms.
 *
 * <p>Writers (event loops) call {@link #recordOutcome}: {@link LongAdder} increments and
 * {@link Recorder} records, both wait-free and allocation-free. Each {@link Recorder} has exactly
 * one reader, {@link #harvest()}, which runs under this object's lock and moves what was recorded
 * into two histograms: the accumulated one ({@link #accumulated()}: status, /metrics) and the
 * pending interval ({@link #takeInterval()}: only the rollout controller's tick calls it). So
 * reading status never steals samples from the controller's interval.
 */
public final class EnvironmentMetrics {

    /** One hour in microseconds: larger values are clamped (a relay request never runs that long). */
    public static final long HIGHEST_MICROS = 3_600_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Environment environment;
    private final Clock clock;

    private final LongAdder requests = new LongAdder();
    private final LongAdder status2xx = new LongAdder();
    private final LongAdder status4xx = new LongAdder();
    private final LongAdder status5xx = new LongAdder();
    private final LongAdder status429 = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder upstreamErrors = new LongAdder();
    private final LongAdder abortedStreams = new LongAdder();
    private final LongAdder clientCancelled = new LongAdder();

    private final Recorder latencyRecorder = new Recorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    private final Recorder ttfbRecorder = new Recorder(HIGHEST_MICROS, SIGNIFICANT_DIGITS);

    // Guarded by this: only harvest() touches the recorders' read side.
    private Histogram latencyScratch;
    private Histogram ttfbScratch;
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
     * Records one finished request. Allocation-free; safe from any thread.
     *
     * @param outcome       how it ended
     * @param status        the upstream status the client received, or 0 if upstream sent none
     * @param latencyMicros from accepting the request to its last byte; negative to skip
     * @param ttfbMicros    from accepting the request to upstream's first response byte; negative if none
     */
    public void recordOutcome(Outcome outcome, int status, long latencyMicros, long ttfbMicros) {
        requests.increment();
        if (status >= 200 && status < 300) {
            status2xx.increment();
        } else if (status >= 400 && status < 500) {
            status4xx.increment();
            if (status == 429) {
                status429.increment();
            }
        } else if (status >= 500) {
            status5xx.increment();
        }
        switch (outcome) {
            case TIMEOUT -> timeouts.increment();
            case UPSTREAM_ERROR -> upstreamErrors.increment();
            case ABORTED_STREAM -> abortedStreams.increment();
            case CLIENT_CANCELLED -> clientCancelled.increment();
            default -> {
                // RESPONSE: the status class above is all there is to count
            }
        }
        if (latencyMicros >= 0 && outcome != Outcome.CLIENT_CANCELLED) {
            latencyRecorder.recordValue(Math.min(latencyMicros, HIGHEST_MICROS));
        }
        if (ttfbMicros >= 0) {
            ttfbRecorder.recordValue(Math.min(ttfbMicros, HIGHEST_MICROS));
        }
    }

    /** Cumulative counts since start (a consistent-enough sum of the adders). */
    public Counts counts() {
        return new Counts(requests.sum(), status2xx.sum(), status4xx.sum(), status5xx.sum(),
                status429.sum(), timeouts.sum(), upstreamErrors.sum(), abortedStreams.sum(),
                clientCancelled.sum());
    }

    /**
     * What was recorded since the previous call. Resets the interval: call it from one place only
     * (the rollout controller's tick); everything else reads {@link #accumulated()}.
     */
    public synchronized IntervalSnapshot takeInterval() {
        harvest();
        Counts now = counts();
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
        return new MetricsSnapshot(environment, counts(), Percentiles.of(latencyAccumulated),
                Percentiles.of(ttfbAccumulated));
    }

    /** A copy of the accumulated latency histogram (microseconds), e.g. for exporting buckets. */
    public synchronized Histogram accumulatedLatencyCopy() {
        harvest();
        return latencyAccumulated.copy();
    }

    // The single reader of both recorders. Caller holds the lock.
    private void harvest() {
        latencyScratch = latencyRecorder.getIntervalHistogram(latencyScratch);
        latencyAccumulated.add(latencyScratch);
        latencyPending.add(latencyScratch);
        ttfbScratch = ttfbRecorder.getIntervalHistogram(ttfbScratch);
        ttfbAccumulated.add(ttfbScratch);
        ttfbPending.add(ttfbScratch);
    }
}
