package dev.relaygate.relay.shadow;

import java.util.concurrent.atomic.LongAdder;

/**
 * Shadow counters for status and the judge: written from many threads through {@link LongAdder}s,
 * read through an immutable {@link Snapshot} (Caffeine's stats-counter pattern).
 */
public final class ShadowSummary {

    /**
     * @param compared   comparisons made
     * @param matched    status, usage and text all agreed
     * @param mismatched compared - matched
     * @param dissimilar text similarity below {@code min_similarity} (judge check 4 counts these)
     * @param dropped    mirror copies not sent because the queue was full
     */
    public record Snapshot(long compared, long matched, long mismatched, long dissimilar, long dropped) {

        /** dissimilar / compared, or 0 before any comparison. */
        public double dissimilarShare() {
            return compared == 0 ? 0.0 : (double) dissimilar / compared;
        }
    }

    private final LongAdder compared = new LongAdder();
    private final LongAdder matched = new LongAdder();
    private final LongAdder dissimilar = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    public void record(ShadowComparison c) {
        compared.increment();
        if (c.matched()) {
            matched.increment();
        }
        if (!c.similar()) {
            dissimilar.increment();
        }
    }

    public void recordDropped() {
        dropped.increment();
    }

    public Snapshot snapshot() {
        // The sums are not atomic together: clamp so a concurrent record never makes mismatched negative.
        long d = dissimilar.sum();
        long m = matched.sum();
        long c = Math.max(compared.sum(), Math.max(m, d));
        return new Snapshot(c, m, c - m, d, dropped.sum());
    }
}
