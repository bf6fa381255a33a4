package dev.relaygate.relay.time;

import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every random draw the relay makes: the weighted split's bucket, retry jitter and shadow sampling.
 * Production uses {@link ThreadLocalRandom}; tests pass a seeded source so a run is reproducible.
 */
public interface RandomSource {

    /** A uniform draw in [0, bound); bound > 0. */
    int nextInt(int bound);

    /** A uniform draw in [0, bound); bound > 0. */
    long nextLong(long bound);

    /** A uniform draw in [0, 1). */
    double nextDouble();

    /**
     * A source for another purpose (shadow sampling, retry jitter) whose draws never shift this one's: a seeded
     * source gives a sequence fixed by its seed and {@code stream}; per-thread numbers are independent already.
     */
    RandomSource independent(long stream);

    /** Contention-free, allocation-free per-thread random numbers. */
    static RandomSource threadLocal() {
        return ThreadLocalSource.INSTANCE;
    }

    /** A reproducible sequence; synchronized because event loops may share it. */
    static RandomSource seeded(long seed) {
        return new SeededSource(seed);
    }

    /** One shared instance: {@link ThreadLocalRandom#current()} is per thread already. */
    enum ThreadLocalSource implements RandomSource {
        INSTANCE;

        @Override
        public int nextInt(int bound) {
            return ThreadLocalRandom.current().nextInt(bound);
        }

        @Override
        public long nextLong(long bound) {
            return ThreadLocalRandom.current().nextLong(bound);
        }

        @Override
        public double nextDouble() {
            return ThreadLocalRandom.current().nextDouble();
        }

        @Override
        public RandomSource independent(long stream) {
            return this;
        }
    }

    /** One seeded sequence shared by every caller. */
    final class SeededSource implements RandomSource {

        /** Spreads stream numbers over all 64-bit seeds (the golden-ratio increment SplittableRandom uses). */
        private static final long STREAM_SPACING = 0x9e3779b97f4a7c15L;

        private final long seed;
        private final SplittableRandom random;

        private SeededSource(long seed) {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public RandomSource independent(long stream) {
            return new SeededSource(seed + stream * STREAM_SPACING);
        }

        @Override
        public synchronized int nextInt(int bound) {
            return random.nextInt(bound);
        }

        @Override
        public synchronized long nextLong(long bound) {
            return random.nextLong(bound);
        }

        @Override
        public synchronized double nextDouble() {
            return random.nextDouble();
        }
    }
}
