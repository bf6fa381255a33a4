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

    /** Contention-free, allocation-free per-thread random numbers. */
    static RandomSource threadLocal() {
        return ThreadLocalSource.INSTANCE;
    }

    /** A reproducible sequence; synchronized because event loops may share it. */
    static RandomSource seeded(long seed) {
        return new SeededSource(new SplittableRandom(seed));
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
    }

    /** One seeded sequence shared by every caller. */
    final class SeededSource implements RandomSource {

        private final SplittableRandom random;

        private SeededSource(SplittableRandom random) {
            this.random = random;
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
