package dev.relaygate.jmh;

import dev.relaygate.relay.config.RoutingStrategy;
import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.routing.PolicyStore;
import dev.relaygate.relay.routing.RouteOverride;
import dev.relaygate.relay.routing.Router;
import dev.relaygate.relay.routing.RoutingPolicy;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.time.RandomSource;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The route decision exactly as the relay's proxy handler makes it per request: parse the
 * {@code X-Route-Policy} header, hash the affinity header if one is configured, read the policy
 * snapshot once, draw a bucket, pick. Gated in {@code mvn verify}: 0 B/op, and within a fixed ratio
 * of {@link #baselineThreadLocalRandom()}, the one draw every decision makes, so the figure reads
 * as "the decision costs N random numbers" on any machine.
 */
public class RouteDecisionBenchmark extends BenchmarkBase {

    /** A policy at one of the weights a rollout passes through (0 and 100 short-circuit). */
    @State(Scope.Benchmark)
    public static class Weighted {
        @Param({"0", "10", "50", "100"})
        public int greenWeight;

        PolicyStore store;
        RandomSource random;
        /** No {@code X-Route-Policy} header on the request. */
        String overrideHeader;

        @Setup
        public void setUp() {
            store = new PolicyStore(RoutingPolicy.initial(greenWeight, RoutingStrategy.WEIGHTED, 0L), Clock.system());
            random = RandomSource.threadLocal();
            overrideHeader = null;
        }
    }

    /** A 10 % canary, with the header values the override and affinity cases read. */
    @State(Scope.Benchmark)
    public static class Canary {
        PolicyStore store;
        RandomSource random;
        String overrideHeader;
        final String[] sessionIds = new String[RING];

        @Setup
        public void setUp() {
            store = new PolicyStore(RoutingPolicy.initial(10, RoutingStrategy.WEIGHTED, 0L), Clock.system());
            random = RandomSource.threadLocal();
            overrideHeader = "green";
            for (int i = 0; i < RING; i++) {
                sessionIds[i] = UUID.randomUUID().toString();
            }
        }
    }

    /** Walks the session ids so the hash input changes on every call, as it does between requests. */
    @State(Scope.Thread)
    public static class SessionCursor {
        int next;

        String nextOf(String[] ids) {
            next = (next + 1) & RING_MASK;
            return ids[next];
        }
    }

    @Benchmark
    public Environment weighted(Weighted s) {
        RouteOverride override = RouteOverride.parse(s.overrideHeader);
        return Router.route(s.store.current(), override, Router.NO_AFFINITY, s.random.nextInt(Router.BUCKETS));
    }

    @Benchmark
    public Environment withOverride(Canary s) {
        RouteOverride override = RouteOverride.parse(s.overrideHeader);
        return Router.route(s.store.current(), override, Router.NO_AFFINITY, s.random.nextInt(Router.BUCKETS));
    }

    @Benchmark
    public Environment withAffinity(Canary s, SessionCursor cursor) {
        long affinity = Router.affinityHash(cursor.nextOf(s.sessionIds));
        return Router.route(s.store.current(), RouteOverride.NONE, affinity, s.random.nextInt(Router.BUCKETS));
    }

    /** The yardstick: one uniform draw in [0, 10000), what {@link RandomSource#threadLocal()} makes. */
    @Benchmark
    public int baselineThreadLocalRandom() {
        return ThreadLocalRandom.current().nextInt(Router.BUCKETS);
    }
}
