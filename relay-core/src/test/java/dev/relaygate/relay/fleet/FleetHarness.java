package dev.relaygate.relay.fleet;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.relaygate.relay.config.ClusterConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.RoutingStrategy;
import dev.relaygate.relay.config.TrafficShiftSettings;
import dev.relaygate.relay.config.ValidationThreshold;
import dev.relaygate.relay.judge.EnvironmentSlice;
import dev.relaygate.relay.judge.IntervalSlice;
import dev.relaygate.relay.judge.LatencyHistograms;
import dev.relaygate.relay.rollout.EventTimeline;
import dev.relaygate.relay.rollout.IntervalSource;
import dev.relaygate.relay.rollout.RolloutController;
import dev.relaygate.relay.rollout.RolloutTicker;
import dev.relaygate.relay.rollout.UpstreamRoles;
import dev.relaygate.relay.routing.PolicyStore;
import dev.relaygate.relay.routing.RoutingPolicy;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * Fleet members without HTTP: each a Hazelcast member (the relay's own Hazelcast config) with the fleet's
 * parts wired as the relay wires them, and interval outcomes the test scripts. For the rules that live in the
 * fleet itself: compare-and-set decisions, leadership, the reported window.
 */
final class FleetHarness implements AutoCloseable {

    static final UpstreamRoles ROLES = UpstreamRoles.of(
            "blue-provider", "http://127.0.0.1:9/v1", "green-provider", "http://127.0.0.1:10/v1", false);

    /** How the member's controller is fed: its own scripted intervals, or the fleet's reports (as in the relay). */
    enum JudgeInput {
        OWN,
        FLEET
    }

    /** One member. */
    static final class Node {
        final ClusterConfig cluster;
        final HazelcastInstance hazelcast;
        final PolicyStore live;
        final PolicyStore staging;
        final ScriptedIntervals own = new ScriptedIntervals();
        final RolloutController controller;
        final Fleet fleet;
        RolloutTicker ticker;

        Node(ClusterConfig cluster, HazelcastInstance hazelcast, JudgeInput input) {
            this.cluster = cluster;
            this.hazelcast = hazelcast;
            RoutingPolicy initial = RoutingPolicy.initial(0, RoutingStrategy.WEIGHTED, System.currentTimeMillis());
            this.live = new PolicyStore(initial, Clock.system());
            this.staging = new PolicyStore(initial, Clock.system());
            Fleet.Seams seams = Fleet.seams(hazelcast, cluster, Clock.system());
            this.controller = new RolloutController(
                    input == JudgeInput.OWN ? own : seams.intervals(),
                    (w, why) -> staging.setGreenWeight(w, "rollout: " + why),
                    Clock.system(),
                    new EventTimeline(),
                    null,
                    () -> ROLES,
                    () -> null,
                    seams.controllerMode());
            this.fleet = new Fleet(
                    cluster, hazelcast, Clock.system(), live, staging, controller, () -> ROLES, () -> {}, own, seams);
        }

        /** Runs the member's ticks every {@code periodMs}, as the relay's rollout thread does. */
        void startTicking(long periodMs) {
            ticker = new RolloutTicker(() -> fleet.tick(TrafficShiftSettings.defaults()), () -> periodMs).start();
        }

        void stopTicking() {
            if (ticker != null) {
                ticker.close();
                ticker = null;
            }
        }

        ClusterRecord record() {
            String json =
                    hazelcast.<String, String>getMap(HazelcastSetup.FLEET_MAP).get("record");
            return RecordJson.read(json, ClusterRecord.class);
        }

        void crash() {
            stopTicking();
            fleet.close();
            hazelcast.getLifecycleService().terminate();
        }
    }

    /** Interval outcomes the test sets: healthy by default, with enough samples for the judge to pass a step. */
    static final class ScriptedIntervals implements IntervalSource {
        private long last = System.currentTimeMillis();
        volatile long greenRequests = 2000;
        volatile long greenErrors;

        @Override
        public synchronized IntervalSlice take(boolean count429AsError) {
            long now = System.currentTimeMillis();
            IntervalSlice s = new IntervalSlice(
                    last,
                    Math.max(last, now),
                    new EnvironmentSlice(10_000, 0, latencies(10_000, 80)),
                    new EnvironmentSlice(greenRequests, greenErrors, latencies(greenRequests, 82)),
                    0,
                    0);
            last = Math.max(last, now);
            return s;
        }

        private static Histogram latencies(long n, long ms) {
            Histogram h = LatencyHistograms.newMillis();
            if (n > 0) {
                h.recordValueWithCount(ms, n);
            }
            return h;
        }
    }

    final List<Node> nodes = new ArrayList<>();
    final List<Integer> ports;
    final String name;

    private FleetHarness(List<Integer> ports) {
        this.ports = ports;
        this.name = "harness-" + ports.get(0);
    }

    /** {@code size} members; the first starts alone first, so it is the oldest (the leader). */
    static FleetHarness start(int size, JudgeInput input) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(FleetFixture.freePort());
        }
        FleetHarness h = new FleetHarness(List.copyOf(ports));
        try {
            List<HazelcastInstance> instances = new ArrayList<>();
            instances.add(Hazelcast.newHazelcastInstance(HazelcastSetup.hazelcastConfig(h.cluster(0))));
            List<CompletableFuture<HazelcastInstance>> joiners = new ArrayList<>();
            for (int i = 1; i < size; i++) {
                ClusterConfig c = h.cluster(i);
                joiners.add(CompletableFuture.supplyAsync(
                        () -> Hazelcast.newHazelcastInstance(HazelcastSetup.hazelcastConfig(c))));
            }
            joiners.forEach(j -> instances.add(j.join()));
            await(
                    "all members in sight",
                    () -> instances.stream()
                            .allMatch(i -> i.getCluster().getMembers().size() == size));
            RelayConfig relayConfig = RelayFixture.baseConfig("http://127.0.0.1:9/v1", "http://127.0.0.1:10/v1");
            for (int i = 0; i < size; i++) {
                Node node = new Node(h.cluster(i), instances.get(i), input);
                h.nodes.add(node);
                node.fleet.start(relayConfig);
            }
            return h;
        } catch (RuntimeException | Error e) {
            h.close();
            throw e;
        }
    }

    ClusterConfig cluster(int i) {
        return ClusterConfig.loopback(name, ports.get(i), ports);
    }

    Node node(int i) {
        return nodes.get(i);
    }

    /** Rollout settings for tests: steps of 10, {@code intervalSeconds} each, judged every 100 ms. */
    static TrafficShiftSettings settings(long intervalSeconds) {
        return new TrafficShiftSettings(10, intervalSeconds, ValidationThreshold.defaults(), 100, 30);
    }

    /** Waits for {@code condition}; a cluster call that fails while members come and go counts as "not yet". */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!holds(condition)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            n.stopTicking();
            n.fleet.close();
        }
        for (Node n : nodes) {
            n.hazelcast.getLifecycleService().terminate();
        }
    }
}
