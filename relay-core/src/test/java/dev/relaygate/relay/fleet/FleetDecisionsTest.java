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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two members decide at the same moment on the same record: both read version v, both compute their change,
 * both try to commit v+1. The latch holds each change until the other has computed its own, so every round is
 * a real collision.
 */
final class FleetDecisionsTest {

    private static FleetHarness fleet;

    @BeforeAll
    static void start() {
        fleet = FleetHarness.start(2, JudgeInput.OWN);
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    @Test
    void concurrentTicksNeverDoubleAStep() throws Exception {
        Node a = fleet.node(0);
        Node b = fleet.node(1);
        resetToCanaryStepOne(a);
        for (int round = 1; round <= 4; round++) {
            ClusterRecord before = a.record();
            assertThat(before.rollout().step()).isEqualTo(round);
            fleet.nodes.forEach(n -> n.own.take(false)); // slices judged this round start inside the step
            Thread.sleep(1_100); // the step's interval_seconds has passed: each member's judge wants to advance
            CountDownLatch bothComputed = new CountDownLatch(2);
            CompletableFuture<Void> ta = collide(a, bothComputed, () -> a.controller.tick());
            CompletableFuture<Void> tb = collide(b, bothComputed, () -> b.controller.tick());
            ta.get(20, TimeUnit.SECONDS);
            tb.get(20, TimeUnit.SECONDS);

            ClusterRecord after = a.record();
            assertThat(after.rollout().step()).as("round %d", round).isEqualTo(round + 1);
            assertThat(after.version()).as("one commit per round").isEqualTo(before.version() + 1);
            int green = after.rollout().greenWeight();
            FleetHarness.await(
                    "both routers on the committed step",
                    () -> a.live.current().greenWeight() == green
                            && b.live.current().greenWeight() == green);
        }
    }

    @Test
    void aRollbackBeatsAConcurrentAdvance() throws Exception {
        Node a = fleet.node(0);
        Node b = fleet.node(1);
        for (int round = 0; round < 4; round++) {
            resetToCanaryStepOne(a);
            Thread.sleep(1_100);
            CountDownLatch bothComputed = new CountDownLatch(2);
            // alternate which member advances, so the rollback is sometimes committed first and sometimes second
            Node advancing = round % 2 == 0 ? a : b;
            Node rollingBack = advancing == a ? b : a;
            AtomicInteger computedStep = new AtomicInteger();
            CompletableFuture<Void> advance = collide(advancing, bothComputed, () -> {
                advancing.controller.tick();
                computedStep.accumulateAndGet(advancing.controller.state().step(), Math::max);
            });
            CompletableFuture<Void> rollback = collide(rollingBack, bothComputed, () -> {
                rollingBack.staging.setGreenWeight(0, ManualChange.ROLLBACK.changedBy());
                rollingBack.controller.rollbackManually(ManualChange.ROLLBACK);
            });
            advance.get(20, TimeUnit.SECONDS);
            rollback.get(20, TimeUnit.SECONDS);

            ClusterRecord after = a.record();
            assertThat(after.rollout().phase()).as("round %d", round).isEqualTo(Phase.ROLLED_BACK);
            assertThat(computedStep.get())
                    .as("the advance was computed, so it really raced")
                    .isEqualTo(2);
            assertThat(after.routing().greenWeight()).isZero();
            FleetHarness.await(
                    "both routers at green 0",
                    () -> a.live.current().greenWeight() == 0
                            && b.live.current().greenWeight() == 0);
            // a late tick on either member changes nothing
            a.fleet.decide(() -> {
                a.controller.tick();
                return null;
            });
            assertThat(a.record().rollout().phase()).isEqualTo(Phase.ROLLED_BACK);
        }
    }

    /** Runs {@code change} as a decision of {@code node}, held until both members have computed theirs. */
    private static CompletableFuture<Void> collide(Node node, CountDownLatch bothComputed, Runnable change) {
        return CompletableFuture.runAsync(() -> {
            try {
                node.fleet.decide((Callable<Void>) () -> {
                    change.run();
                    bothComputed.countDown();
                    bothComputed.await(10, TimeUnit.SECONDS);
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
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
