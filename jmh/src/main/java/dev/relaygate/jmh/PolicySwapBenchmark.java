package dev.relaygate.jmh;

import dev.relaygate.relay.config.RoutingStrategy;
import dev.relaygate.relay.routing.PolicyStore;
import dev.relaygate.relay.routing.RoutingPolicy;
import dev.relaygate.relay.time.Clock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The policy snapshot read while another thread keeps swapping policies: the {@code AtomicReference}
 * path every request takes while a rollout or an operator changes weights. The writer swaps
 * back-to-back, far more often than any controller would, so the reader sees the worst case: the
 * cache line holding the reference is invalidated between most reads. JMH reports each thread's
 * figure ({@code reader}, {@code writer}) and their mean ({@code readWhileSwapping}).
 */
public class PolicySwapBenchmark extends BenchmarkBase {

    @State(Scope.Group)
    public static class SharedStore {
        PolicyStore store;

        @Setup
        public void setUp() {
            store = new PolicyStore(RoutingPolicy.initial(10, RoutingStrategy.WEIGHTED, 0L), Clock.system());
        }
    }

    /** The writer's alternating weight, so every swap really changes the routing (no no-op updates). */
    @State(Scope.Thread)
    public static class WriterTurn {
        boolean high;

        int nextWeight() {
            high = !high;
            return high ? 20 : 10;
        }
    }

    /** One request's read: the snapshot and a field of it (the dereference is part of the cost). */
    @Benchmark
    @Group("readWhileSwapping")
    @GroupThreads(1)
    public int reader(SharedStore s) {
        RoutingPolicy policy = s.store.current();
        return policy.greenWeight();
    }

    /** A weight change through {@code getAndUpdate}; returns the policy in force after it. */
    @Benchmark
    @Group("readWhileSwapping")
    @GroupThreads(1)
    public RoutingPolicy writer(SharedStore s, WriterTurn turn) {
        return s.store.setGreenWeight(turn.nextWeight(), "benchmark");
    }
}
