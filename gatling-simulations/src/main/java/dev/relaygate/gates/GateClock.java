package dev.relaygate.gates;

import java.time.Instant;

/** A gate's zero: the wall-clock start for {@code started_at} and a monotonic origin for every {@code t_ms}. */
public final class GateClock {

    private final Instant startedAt;
    private final long zeroNanos;

    private GateClock(Instant startedAt, long zeroNanos) {
        this.startedAt = startedAt;
        this.zeroNanos = zeroNanos;
    }

    public static GateClock start() {
        return new GateClock(Instant.now(), System.nanoTime());
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long elapsedMs() {
        return (System.nanoTime() - zeroNanos) / 1_000_000L;
    }

    /** Wall-clock epoch milliseconds of a {@link System#nanoTime()} reading (to line up with relay events). */
    public long epochMsAt(long nanoTime) {
        return startedAt.toEpochMilli() + (nanoTime - zeroNanos) / 1_000_000L;
    }

    /** {@code t_ms} of a wall-clock epoch instant. */
    public long msAtEpoch(long epochMs) {
        return Math.max(0, epochMs - startedAt.toEpochMilli());
    }

    /** Milliseconds since zero for a {@link System#nanoTime()} reading taken elsewhere. */
    public long msAt(long nanoTime) {
        return Math.max(0, (nanoTime - zeroNanos) / 1_000_000L);
    }
}
