package dev.relaygate.relay.metrics;

import dev.relaygate.relay.exchange.Outcome;
import java.util.function.Consumer;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * The outcomes one thread records into one environment: a {@code SingleWriterRecorder}-style pair
 * of tallies, except that one phaser guards both histograms and all counters, so a record costs two
 * uncontended atomic increments in total instead of six per histogram value.
 *
 * <p>Threading: {@link #record} is called only by {@link #owner} (the {@link OutcomeRecorder}'s
 * thread-local guarantees it). {@link #drainTo} is called by one reader at a time. The writer
 * enters the phaser, reads {@code active}, records, exits; the reader swaps {@code active} and then
 * {@code flipPhase()} waits until every writer that could still hold the old tally has exited, so
 * the old tally is quiescent and its plain fields are visible to the reader when it drains it.
 */
final class ThreadWriter {

    private final Thread owner;
    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile OutcomeTally active;
    // Touched by the reader only (under the phaser's reader lock).
    private OutcomeTally inactive;

    ThreadWriter(Thread owner, long highestMicros, int significantDigits) {
        this.owner = owner;
        this.active = new OutcomeTally(highestMicros, significantDigits);
        this.inactive = new OutcomeTally(highestMicros, significantDigits);
    }

    /** Owner thread only. Wait-free: two atomic increments, plain counter and histogram updates. */
    void record(Outcome outcome, int status, long latencyMicros, long ttfbMicros) {
        long epoch = phaser.writerCriticalSectionEnter();
        try {
            active.record(outcome, status, latencyMicros, ttfbMicros);
        } finally {
            phaser.writerCriticalSectionExit(epoch);
        }
    }

    /**
     * Moves everything recorded so far out of the writer: {@code sink} sees it once (unless it is
     * empty), then it is cleared for reuse. Records racing with the drain land in the next drain.
     */
    void drainTo(Consumer<OutcomeTally> sink) {
        phaser.readerLock();
        try {
            OutcomeTally recorded = active;
            active = inactive;
            phaser.flipPhase();
            inactive = recorded;
            if (!recorded.isEmpty()) {
                sink.accept(recorded);
                recorded.reset();
            }
        } finally {
            phaser.readerUnlock();
        }
    }

    /**
     * True once the owner has finished: it can never record again, and (JLS 17.4.4) everything it
     * did happens-before this returning true, so one more drain empties the writer for good.
     */
    boolean ownerTerminated() {
        return !owner.isAlive();
    }
}
