package dev.relaygate.relay.time;

import dev.relaygate.relay.routing.Router;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where the weighted split gets its uniform draw in [0, {@link Router#BUCKETS}). Production uses
 * {@link ThreadLocalRandom}; tests pass a seeded source so a split is reproducible.
 */
@FunctionalInterface
public interface RandomSource {

    int nextBucket();

    /** Contention-free, allocation-free per-thread random numbers. */
    static RandomSource threadLocal() {
        return () -> ThreadLocalRandom.current().nextInt(Router.BUCKETS);
    }

    /** A reproducible sequence; synchronized because event loops may share it. */
    static RandomSource seeded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return () -> {
            synchronized (random) {
                return random.nextInt(Router.BUCKETS);
            }
        };
    }
}
