package dev.relaygate.gates;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warm-up versus measured traffic by start instant: a request counts only if it started after the
 * warm-up ended. One continuous injection is used rather than a warm-up scenario followed by a measured
 * one, because "followed by" waits for the slowest warm-up request, which would shift every timed
 * control action against the load.
 */
public final class LoadPhases {

    private static final long NOT_STARTED = Long.MIN_VALUE;

    private final long warmupNanos;
    private final AtomicLong zero = new AtomicLong(NOT_STARTED);
    private volatile long measureFrom = NOT_STARTED;
    private volatile boolean stopRequested;
    private volatile boolean skipped;

    public LoadPhases(Duration warmup) {
        this.warmupNanos = warmup.toNanos();
    }

    /** Marks the start of injection; later calls keep the first instant. */
    public void start() {
        zero.compareAndSet(NOT_STARTED, System.nanoTime());
    }

    public boolean started() {
        return zero.get() != NOT_STARTED;
    }

    /** Whether a request started at {@code nanoTime} is measured (after the warm-up). */
    public boolean measuring(long nanoTime) {
        long z = zero.get();
        return z != NOT_STARTED && nanoTime - measureStartNanos() >= 0;
    }

    /**
     * Moves the start of measuring to {@code nanoTime} (after a {@link Settle} wait that extended the
     * warm-up); requests that started earlier stay unmeasured.
     */
    public void measureFrom(long nanoTime) {
        measureFrom = nanoTime;
    }

    /** Asks the load to end early (a rollback gate has seen all it needs); new requests stop the run. */
    public void requestStop() {
        stopRequested = true;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    /**
     * The gate will not run (its relay cannot run it): load users leave without a request, and the control
     * user ends the run (Gatling fails a run that sent no request at all, which would skip the gates after it).
     */
    public void skip() {
        skipped = true;
    }

    public boolean skipped() {
        return skipped;
    }

    /** The {@link System#nanoTime()} at which measuring begins; only meaningful once started. */
    public long measureStartNanos() {
        long from = measureFrom;
        return from != NOT_STARTED ? from : zero.get() + warmupNanos;
    }
}
