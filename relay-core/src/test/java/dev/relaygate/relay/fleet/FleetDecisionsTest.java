package dev.relaygate.relay.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.fleet.FleetHarness.JudgeInput;
import dev.relaygate.relay.fleet.FleetHarness.Node;
import dev.relaygate.relay.rollout.ManualChange;
import dev.relaygate.relay.rollout.Phase;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three members decide at the same moment on the same record: all read version v, all compute their change, all
 * try to commit v+1. The latch holds each change until every member has computed its own, so every round is a
 * real collision.
 */
final class FleetDecisionsTest {

    private static FleetHarness fleet;
    /** A thread per colliding member: each blocks until all have computed, so none may wait for a pool thread. */
    private static final ExecutorService COLLIDERS = Executors.newCachedThreadPool();

    @BeforeAll
    static void start() {
        fleet = FleetHarness.start(3, JudgeInput.OWN);
    }

    @AfterAll
    static void stop() {
        COLLIDERS.shutdownNow();
        fleet.close();
    }

    @Test
    void concurrentTicksNeverDoubleAStep() throws Exception {
        Node a = fleet.node(0);
        resetToCanaryStepOne(a);
        for (int round = 1; round <= 4; round++) {
            ClusterRecord before = a.record();
            assertThat(before.rollout().step()).isEqualTo(round);
            fleet.nodes.forEach(n -> n.own.take(false)); // slices judged this round start inside the step
            Thread.sleep(1_100); // the step's interval_seconds has passed: each member's judge wants to advance
            CountDownLatch allComputed = new CountDownLatch(fleet.nodes.size());
            List<CompletableFuture<Void>> ticks = fleet.nodes.stream()
                    .map(n -> collide(n, allComputed, () -> n.controller.tick()))
                    .toList();
            for (CompletableFuture<Void> tick : ticks) {
                tick.get(20, TimeUnit.SECONDS);
            }

            ClusterRecord after = a.record();
            assertThat(after.rollout().step()).as("round %d", round).isEqualTo(round + 1);
            assertThat(after.version()).as("one commit per round").isEqualTo(before.version() + 1);
            int green = after.rollout().greenWeight();
            FleetHarness.await(
                    "every router on the committed step",
                    () -> fleet.nodes.stream().allMatch(n -> n.live.current().greenWeight() == green));
        }
    }

    @Test
    void aRollbackBeatsAConcurrentAdvance() throws Exception {
        Node a = fleet.node(0);
        for (int round = 0; round < 6; round++) {
            resetToCanaryStepOne(a);
            Thread.sleep(1_100);
            CountDownLatch allComputed = new CountDownLatch(fleet.nodes.size());
            // each member rolls back in turn while the other two advance, so the rollback is committed first,
            // between the advances, or last
            Node rollingBack = fleet.node(round % fleet.nodes.size());
            AtomicInteger computedStep = new AtomicInteger();
            List<CompletableFuture<Void>> changes = fleet.nodes.stream()
                    .map(n -> n == rollingBack
                            ? collide(n, allComputed, () -> {
                                n.staging.setGreenWeight(0, ManualChange.ROLLBACK.changedBy());
                                n.controller.rollbackManually(ManualChange.ROLLBACK);
                            })
                            : collide(n, allComputed, () -> {
                                n.controller.tick();
                                computedStep.accumulateAndGet(
                                        n.controller.state().step(), Math::max);
                            }))
                    .toList();
            for (CompletableFuture<Void> change : changes) {
                change.get(20, TimeUnit.SECONDS);
            }

            ClusterRecord after = a.record();
            assertThat(after.rollout().phase()).as("round %d", round).isEqualTo(Phase.ROLLED_BACK);
            assertThat(computedStep.get())
                    .as("an advance was computed, so it really raced")
                    .isEqualTo(2);
            assertThat(after.routing().greenWeight()).isZero();
            FleetHarness.await(
                    "every router at green 0",
                    () -> fleet.nodes.stream().allMatch(n -> n.live.current().greenWeight() == 0));
            // a late tick on any member changes nothing
            for (Node n : fleet.nodes) {
                n.fleet.decide(() -> {
                    n.controller.tick();
                    return null;
                });
            }
            assertThat(a.record().rollout().phase()).isEqualTo(Phase.ROLLED_BACK);
        }
    }

    /** Runs {@code change} as a decision of {@code node}, held until every member has computed its own. */
    private static CompletableFuture<Void> collide(Node node, CountDownLatch allComputed, Runnable change) {
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        node.fleet.decide((Callable<Void>) () -> {
                            change.run();
                            allComputed.countDown();
                            allComputed.await(10, TimeUnit.SECONDS);
                            return null;
                        });
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                COLLIDERS);
    }

    /** Whatever the fleet ran before: STABLE, then a rollout at step 1 (green 10), judged from fresh windows. */
    private static void resetToCanaryStepOne(Node a) throws Exception {
        a.fleet.decide(() -> {
            Phase phase = a.controller.state().phase();
            if (phase == Phase.ROLLED_BACK) {
                a.controller.reset(ManualChange.RESET);
            } else if (phase.isLive()) {
                a.controller.cancel(ManualChange.TRAFFIC_SHIFT);
            }
            a.staging.setGreenWeight(0, "test reset");
            a.controller.start(FleetHarness.settings(1), false);
            return null;
        });
        for (Node n : fleet.nodes) {
            FleetHarness.await(
                    "step 1 applied",
                    () -> n.controller.state().phase() == Phase.CANARY
                            && n.controller.state().step() == 1
                            && n.live.current().greenWeight() == 10);
            n.controller.rebuildWindow(List.of());
            n.own.take(false); // the next slice starts inside the new step
        }
    }
}
