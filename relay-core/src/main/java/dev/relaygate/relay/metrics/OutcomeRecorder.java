package dev.relaygate.relay.metrics;

import dev.relaygate.relay.exchange.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Outcome recording for one environment with one {@link ThreadWriter} per recording thread (in the
 * relay: one per event loop), merged by a single reader.
 *
 * <p>Why per thread: a shared HdrHistogram {@code Recorder} costs about six atomic read-modify-writes
 * per value (its phaser, the concurrent histogram's phaser, the bucket, the total), twelve per
 * request for latency plus time to first byte. A thread's own writer needs two per request and no
 * contention between event loops. The thread finds its writer through a {@link ThreadLocal}; only its
 * first record allocates (the writer) and takes the registry lock.
 *
 * <p>Guarantees: no sample is lost (every record lands in exactly one drain), {@link #drainTo} has
 * one caller at a time, and writers of finished threads are drained a last time and then dropped,
 * so memory follows the live threads.
 */
final class OutcomeRecorder {

    private static final ThreadWriter[] NONE = new ThreadWriter[0];

    private final long highestMicros;
    private final int significantDigits;
    private final ThreadLocal<ThreadWriter> local = ThreadLocal.withInitial(this::register);
    private final Object registryLock = new Object();
    // Copy-on-write under registryLock; the reader iterates a snapshot.
    private volatile ThreadWriter[] writers = NONE;

    public OutcomeRecorder(long highestMicros, int significantDigits) {
        this.highestMicros = highestMicros;
        this.significantDigits = significantDigits;
    }

    /** Records one finished request from the calling thread. Allocation-free after the thread's first call. */
    public void record(Outcome outcome, int status, long latencyMicros, long ttfbMicros) {
        local.get().record(outcome, status, latencyMicros, ttfbMicros);
    }

    /**
     * Hands every non-empty tally recorded since the previous drain to {@code sink}, then clears it.
     * The tallies are valid only during the callback. One drain at a time (the recorder's lock).
     */
    public synchronized void drainTo(Consumer<OutcomeTally> sink) {
        List<ThreadWriter> finished = null;
        for (ThreadWriter writer : writers) {
            // Ask before draining: if the owner was already gone, this drain was its last one.
            boolean terminated = writer.ownerTerminated();
            writer.drainTo(sink);
            if (terminated) {
                if (finished == null) {
                    finished = new ArrayList<>();
                }
                finished.add(writer);
            }
        }
        if (finished != null) {
            drop(finished);
        }
    }

    /** How many threads currently own a writer (for tests and diagnostics). */
    public int writerCount() {
        return writers.length;
    }

    private ThreadWriter register() {
        ThreadWriter writer = new ThreadWriter(Thread.currentThread(), highestMicros, significantDigits);
        synchronized (registryLock) {
            ThreadWriter[] grown = Arrays.copyOf(writers, writers.length + 1);
            grown[grown.length - 1] = writer;
            writers = grown;
        }
        return writer;
    }

    // Caller holds this (the single reader). Drops exactly the writers whose owner had ended before
    // their last drain; one whose owner ended only after it was drained stays for the next drain.
    private void drop(List<ThreadWriter> drained) {
        synchronized (registryLock) {
            writers = Arrays.stream(writers).filter(w -> !drained.contains(w)).toArray(ThreadWriter[]::new);
        }
    }
}
