package dev.relaygate.relay.time;

/**
 * The relay's only source of time. Policy code (routing, rollout, judge, metrics windows) takes a
 * {@code Clock} so tests drive it with a hand-advanced implementation instead of sleeping.
 */
public interface Clock {

    /** Monotonic nanoseconds, for measuring intervals; unrelated to wall time. */
    long nanoTime();

    /** Wall-clock milliseconds since the epoch, for timestamps in events, logs and status. */
    long currentTimeMillis();

    /** The JVM's clocks. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }

    /** Package-private singleton so {@link #system()} allocates nothing. */
    enum SystemClock implements Clock {
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }
    }
}
