package dev.relaygate.relay.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaygate.relay.config.TrafficShiftSettings;
import dev.relaygate.relay.judge.Decision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RolloutControllerTest {

    private static final TrafficShiftSettings FAST = TrafficShiftSettings.of(25, 60L, null, null, null);

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final ScriptedSource source = new ScriptedSource(clock);
    private final EventTimeline timeline = new EventTimeline();

    private RolloutController controller(Path stateFile) {
        return new RolloutController(
                source, source, clock, timeline, stateFile == null ? null : new StateFile(stateFile));
    }

    private RolloutController inFleet(Path stateFile, Supplier<String> advanceHold) {
        return new RolloutController(
                source,
                source,
                clock,
                timeline,
                stateFile == null ? null : new StateFile(stateFile),
                () -> null,
                () -> null,
                ControllerMode.inFleet(advanceHold));
    }

    private void seconds(RolloutController c, int n) {
        for (int i = 0; i < n; i++) {
            clock.advanceMillis(1000);
            c.tick();
        }
    }

    @Test
    void startsAtTheFirstStepWithGreenAtTheIncrement() {
        RolloutController c = controller(null);
        RolloutState s = c.start(FAST, false);
        assertThat(s.phase()).isEqualTo(Phase.CANARY);
        assertThat(s.step()).isEqualTo(1);
        assertThat(source.greenWeight).isEqualTo(25);
        assertThat(timeline.snapshot()).extracting(RolloutEvent::type).containsExactly(EventType.STARTED);
    }

    @Test
    void raisesGreenByTheIncrementEveryIntervalWhileHealthyAndThenPromotes() {
        RolloutController c = controller(null);
        c.start(FAST, false);
        seconds(c, 59);
        assertThat(c.state().greenWeight()).isEqualTo(25);
        seconds(c, 1);
        assertThat(c.state().greenWeight()).isEqualTo(50);
        seconds(c, 60);
        assertThat(c.state().greenWeight()).isEqualTo(75);
        seconds(c, 60);
        assertThat(c.state().phase()).isEqualTo(Phase.PROMOTED);
        assertThat(source.greenWeight).isEqualTo(100);
        assertThat(timeline.snapshot())
                .extracting(RolloutEvent::type)
                .contains(EventType.STEP_ADVANCED, EventType.PROMOTED);
    }

    @Test
    void holdsTheStepWhileThereIsNotEnoughData() {
        source.greenRequests = 1;
        RolloutController c = controller(null);
        c.start(FAST, false);
        seconds(c, 200);
        assertThat(c.state().greenWeight()).isEqualTo(25);
        assertThat(c.lastVerdict()).get().extracting(v -> v.decision()).isEqualTo(Decision.HOLD_INSUFFICIENT_DATA);
        assertThat(c.lastVerdict().get().reason()).contains("min_samples");
    }

    @Test
    void rollsBackAtOnceOnABreachWithItsEvidenceAndOnlyOnce() {
        RolloutController c = controller(null);
        c.start(FAST, false);
        seconds(c, 30);
        source.greenErrors = 10;
        seconds(c, 1);
        RolloutState s = c.state();
        assertThat(s.phase()).isEqualTo(Phase.ROLLED_BACK);
        assertThat(s.greenWeight()).isZero();
        assertThat(source.greenWeight).isZero();
        assertThat(s.rollback().automatic()).isTrue();
        assertThat(s.rollback().fromGreenWeight()).isEqualTo(25);
        assertThat(s.rollback().verdict().breachedCheck()).isEqualTo("error_rate");
        int changes = source.weightChanges;
        seconds(c, 300);
        assertThat(c.state().phase()).isEqualTo(Phase.ROLLED_BACK);
        assertThat(source.weightChanges).isEqualTo(changes);
        assertThat(timeline.snapshot())
                .filteredOn(e -> e.type() == EventType.ROLLED_BACK)
                .hasSize(1);
    }

    @Test
    void aManualRollbackGoesToBlueAndIsRecorded() {
        RolloutController c = controller(null);
        c.start(FAST, false);
        assertThat(c.rollbackManually(ManualChange.ROLLBACK)).isTrue();
        assertThat(c.state().rollback().automatic()).isFalse();
        assertThat(c.state().rollback().reason()).contains("admin rollback");
        assertThat(source.greenWeight).isZero();
        assertThat(c.rollbackManually(ManualChange.ROLLBACK)).isFalse();
    }

    @Test
    void cancelStopsTheRolloutWithoutTouchingWeightsAndNeverRaisesGreenAgain() {
        RolloutController c = controller(null);
        c.start(FAST, false);
        int changes = source.weightChanges;
        assertThat(c.cancel(ManualChange.TRAFFIC_SHIFT)).isTrue();
        assertThat(c.state().phase()).isEqualTo(Phase.STABLE);
        seconds(c, 300);
        assertThat(source.weightChanges).isEqualTo(changes);
        assertThat(c.cancel(ManualChange.TRAFFIC_SHIFT)).isFalse();
    }

    @Test
    void aNewRolloutAfterARollbackNeedsAnExplicitReset() {
        RolloutController c = controller(null);
        c.start(FAST, false);
        c.rollbackManually(ManualChange.ROLLBACK);
        assertThatThrownBy(() -> c.start(FAST, false))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("ROLLED_BACK -> CANARY");
        assertThat(c.reset(ManualChange.RESET).phase()).isEqualTo(Phase.STABLE);
        assertThat(c.start(FAST, false).phase()).isEqualTo(Phase.CANARY);
    }

    @Test
    void shadowModeAdvancesToTheFirstCanaryStepWhenQualityHolds() {
        RolloutController c = controller(null);
        assertThat(c.start(FAST, true).phase()).isEqualTo(Phase.SHADOW);
        assertThat(source.greenWeight).isZero();
        seconds(c, 120);
        // No shadow comparisons arrive from this source: the quality check holds the phase.
        assertThat(c.state().phase()).isEqualTo(Phase.SHADOW);
        assertThat(c.lastVerdict().get().reason()).contains("quality");
    }

    @Test
    void completingASwapEndsThePromotion() {
        RolloutController c = controller(null);
        c.start(TrafficShiftSettings.of(100, 60L, null, null, null), false);
        assertThat(c.state().phase()).isEqualTo(Phase.CANARY);
        seconds(c, 60);
        assertThat(c.state().phase()).isEqualTo(Phase.PROMOTED);
        assertThat(c.completeSwap(ManualChange.PROMOTE_SWAP).phase()).isEqualTo(Phase.STABLE);
        assertThatThrownBy(() -> c.completeSwap(ManualChange.PROMOTE_SWAP)).hasMessageContaining("STABLE -> STABLE");
    }

    @Test
    void aRestartAfterARollbackStaysOnBlue(@TempDir Path dir) {
        Path file = dir.resolve("rollout-state.json");
        RolloutController first = controller(file);
        first.start(FAST, false);
        first.rollbackManually(ManualChange.ROLLBACK);
        source.greenWeight = 50;
        RolloutController restarted = controller(file);
        assertThat(restarted.state().phase()).isEqualTo(Phase.ROLLED_BACK);
        assertThat(restarted.state().rollback().reason()).contains("manual rollback: admin rollback");
        assertThat(source.greenWeight).isZero();
        seconds(restarted, 300);
        assertThat(source.greenWeight).isZero();
    }

    @Test
    void aRestartMidRolloutResumesTheStepWithAFreshWindow(@TempDir Path dir) {
        Path file = dir.resolve("rollout-state.json");
        RolloutController first = controller(file);
        first.start(FAST, false);
        seconds(first, 60);
        RolloutController restarted = controller(file);
        assertThat(restarted.state().phase()).isEqualTo(Phase.CANARY);
        assertThat(restarted.state().greenWeight()).isEqualTo(50);
        assertThat(restarted.state().settings()).isEqualTo(FAST);
        seconds(restarted, 59);
        assertThat(restarted.state().greenWeight()).isEqualTo(50);
    }

    @Test
    void aFleetControllerLeavesTheStateFileToItsCaller(@TempDir Path dir) {
        Path file = dir.resolve("rollout-state.json");
        RolloutController c = inFleet(file, () -> null);
        c.start(FAST, false);
        c.rollbackManually(ManualChange.ROLLBACK);
        assertThat(new StateFile(file).load()).isEmpty();
        c.saveState();
        assertThat(new StateFile(file).load())
                .hasValueSatisfying(saved -> assertThat(saved.phase()).isEqualTo(Phase.ROLLED_BACK));
    }

    @Test
    void aFleetHoldKeepsAHealthyStepWhereItIsButNeverHoldsARollback() {
        AtomicReference<String> hold = new AtomicReference<>("members not reporting (left out of the window): m2");
        RolloutController c = inFleet(null, hold::get);
        c.start(FAST, false);
        seconds(c, 120);
        assertThat(c.state().greenWeight()).isEqualTo(25);

        hold.set(null);
        seconds(c, 60);
        assertThat(c.state().greenWeight()).isEqualTo(50);

        hold.set("this member sees 1 of 3 fleet members (a majority is 2)");
        source.greenErrors = 10;
        seconds(c, 1);
        assertThat(c.state().phase()).isEqualTo(Phase.ROLLED_BACK);
    }

    /** Repeated: the race between the compare-and-set and the caller's own check only shows now and then. */
    @RepeatedTest(100)
    void concurrentRollbacksFireExactlyOnce() throws Exception {
        RolloutController c = controller(null);
        c.start(FAST, false);
        assertThat(race(() -> c.rollbackManually(ManualChange.ROLLBACK)))
                .as("callers told they rolled back")
                .isEqualTo(1);
        assertThat(timeline.snapshot())
                .filteredOn(e -> e.type() == EventType.ROLLED_BACK)
                .hasSize(1);
    }

    @RepeatedTest(100)
    void concurrentCancelsFireExactlyOnce() throws Exception {
        RolloutController c = controller(null);
        c.start(FAST, false);
        assertThat(race(() -> c.cancel(ManualChange.TRAFFIC_SHIFT)))
                .as("callers told they cancelled")
                .isEqualTo(1);
        assertThat(timeline.snapshot())
                .filteredOn(e -> e.type() == EventType.CANCELLED)
                .hasSize(1);
    }

    /** Runs {@code call} on 8 threads released at once; how many answered true. */
    private static int race(Callable<Boolean> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            int yes = 0;
            for (Future<Boolean> f : results) {
                yes += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            return yes;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void passesTheCount429SettingToTheSource() {
        RolloutController c = controller(null);
        c.start(
                TrafficShiftSettings.of(
                        10,
                        60L,
                        dev.relaygate.relay.config.ValidationThreshold.of(
                                null, null, null, null, null, null, false, null, null),
                        null,
                        null),
                false);
        seconds(c, 1);
        assertThat(source.lastCount429).isFalse();
    }
}
