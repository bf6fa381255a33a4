package dev.relaygate.gates.fleetpropagation;

import static dev.relaygate.gates.fleet.FleetFixtures.IDS;
import static dev.relaygate.gates.fleet.FleetFixtures.member;
import static dev.relaygate.gates.fleet.FleetFixtures.rollback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.gates.AppliedRecord;
import dev.relaygate.gates.FleetRig;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.MemberObservation;
import dev.relaygate.gates.fleet.MemberView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

final class FleetPropagationChecksTest {

    private static final FleetPropagationChecks CHECKS = new FleetPropagationChecks(100, 50, 2_000, 1_000, 20);
    private static final long T0 = 1_800_000_000_000L;

    // ---- shifts

    @Test
    void shiftsEveryMemberAppliedWithinTheLimitPassWithNearestRankPercentiles() {
        List<FleetPropagationChecks.Shift> shifts = shifts(50);
        GateEvaluation eval = new GateEvaluation();

        List<Double> samples = CHECKS.evaluateShifts(eval, shifts, applied(shifts, i -> i % 2 == 0 ? 3 : 40));

        assertThat(eval.failures()).isEmpty();
        assertThat(samples).hasSize(50);
        assertThat(eval.measuredFigures())
                .containsEntry("propagation_p99_ms", 40.0)
                .containsEntry("propagation_p50_ms", 3.0)
                .containsEntry("propagation_max_ms", 40.0);
    }

    @Test
    void oneSlowShiftOnOneMemberIsThePercentilesTailAndFailsTheGate() {
        List<FleetPropagationChecks.Shift> shifts = shifts(50);
        List<MemberView> members = new ArrayList<>(applied(shifts, i -> 5));
        List<AppliedRecord> slow = new ArrayList<>(members.get(2).applied());
        AppliedRecord r = slow.get(17);
        slow.set(17, new AppliedRecord(r.version(), r.appliedAtMs() + 400, r.greenWeight(), r.phase()));
        members.set(2, member(2, slow, null, IDS.get(0)));
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluateShifts(eval, shifts, members);

        assertThat(eval.failures())
                .containsExactly("propagation_p99_ms was 405, above the limit propagation_p99_within_ms = 100");
    }

    @Test
    void theMemberThatTookTheCallAppliesBeforeItReturnsAndCountsAsZero() {
        List<FleetPropagationChecks.Shift> shifts = shifts(50);
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluateShifts(eval, shifts, applied(shifts, i -> -2));

        assertThat(eval.measuredFigures()).containsEntry("propagation_max_ms", 0.0);
    }

    @Test
    void aShiftWithoutAClusterVersionFailsAndFewerShiftsThanPlannedFail() {
        List<FleetPropagationChecks.Shift> shifts = new ArrayList<>(shifts(49));
        List<MemberView> members = applied(shifts, i -> 5);
        FleetPropagationChecks.Shift s = shifts.get(3);
        shifts.set(3, new FleetPropagationChecks.Shift(s.member(), s.green(), s.returnedEpochMs(), null));
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluateShifts(eval, shifts, members);

        assertThat(eval.failures())
                .containsExactly(
                        "shifts_sent was 49, below the minimum shifts = 50",
                        "shifts_without_cluster_version was 1, above the limit shifts_without_cluster_version_max = 0");
    }

    @Test
    void aRelayAnsweringTheSameVersionForEveryShiftFails() {
        List<FleetPropagationChecks.Shift> shifts = new ArrayList<>();
        for (FleetPropagationChecks.Shift s : shifts(50)) {
            shifts.add(new FleetPropagationChecks.Shift(s.member(), s.green(), s.returnedEpochMs(), 2L));
        }
        List<MemberView> members = applied(shifts(50), i -> 5);
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluateShifts(eval, shifts, members);

        assertThat(eval.failures())
                .contains("cluster_versions_not_rising was 49, above the limit cluster_versions_not_rising_max = 0");
    }

    @Test
    void aMemberApplyingAVersionWithOtherWeightsFails() {
        List<FleetPropagationChecks.Shift> shifts = shifts(50);
        List<MemberView> members = new ArrayList<>(applied(shifts, i -> 5));
        List<AppliedRecord> wrong = new ArrayList<>(members.get(1).applied());
        AppliedRecord r = wrong.get(9);
        wrong.set(9, new AppliedRecord(r.version(), r.appliedAtMs(), r.greenWeight() + 1, r.phase()));
        members.set(1, member(1, wrong, null, IDS.get(0)));
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluateShifts(eval, shifts, members);

        assertThat(eval.failures())
                .containsExactly("applied_weight_mismatches was 1, above the limit applied_weight_mismatches_max = 0");
    }

    @Test
    void aMemberMissingTheVersionsOrItsDataFails() {
        List<FleetPropagationChecks.Shift> shifts = shifts(50);
        List<MemberView> members = new ArrayList<>(applied(shifts, i -> 5));
        members.set(1, member(1, members.get(1).applied().subList(0, 40), null, IDS.get(0)));
        members.set(2, new MemberView(2, IDS.get(2), FleetRig.State.RUNNING, null, null, null, "refused"));
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluateShifts(eval, shifts, members);

        // member 2 lacks the last 11 versions, member 3 all 50; no shift has every member's data
        assertThat(eval.failures())
                .containsExactly(
                        "member_versions_missing was 61, above the limit member_versions_missing_max = 0",
                        "propagation_p99_ms was not measured, so propagation_p99_within_ms = 100 cannot be shown to"
                                + " hold");
    }

    @Test
    void aMemberThatWentStraightToANewerVersionIsTimedByThatOneAndCounted() {
        List<FleetPropagationChecks.Shift> shifts = shifts(50);
        List<MemberView> members = new ArrayList<>(applied(shifts, i -> 5));
        List<AppliedRecord> skipping = new ArrayList<>(members.get(1).applied());
        skipping.remove(20); // version of shift 20; shift 21's version applied 200 ms after shift 20 returned
        members.set(1, member(1, skipping, null, IDS.get(0)));
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluateShifts(eval, shifts, members);

        assertThat(eval.measuredFigures())
                .containsEntry("versions_skipped_by_a_member", 1L)
                .containsEntry("propagation_max_ms", 205.0);
        assertThat(eval.passed()).isFalse();
    }

    // ---- paused member

    private static final long ROLLOUT = T0 + 60_000;
    private static final long ONSET = ROLLOUT + 4_000;
    private static final long PAUSE = ONSET + 5;
    private static final long DECISION = ONSET + 6_000;
    private static final long RESUME = PAUSE + 8_000;
    private static final FleetPropagationChecks.Pause PAUSED =
            new FleetPropagationChecks.Pause(2, IDS.get(2), IDS.get(0), ROLLOUT, ONSET, PAUSE, RESUME, RESUME + 1_300);

    @Test
    void aPausedFollowerThatCatchesUpWithinTheWindowPasses() {
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluatePause(eval, PAUSED, pauseViews(RESUME + 1_200), pauseTraffic(RESUME + 1_200));

        assertThat(eval.failures()).isEmpty();
        assertThat(eval.measuredFigures())
                .containsEntry("paused_member_convergence_ms", 1_200.0)
                .containsEntry("paused_member_status_convergence_ms", 1_300.0);
    }

    @Test
    void aPausedMemberApplyingTheRollbackLateFails() {
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluatePause(eval, PAUSED, pauseViews(RESUME + 2_500), pauseTraffic(RESUME + 2_500));

        assertThat(eval.failures())
                .contains("paused_member_convergence_ms was 2500, above the limit convergence_within_ms = 2000");
    }

    @Test
    void aPausedMemberWhoseStatusNeverShowedTheRollbackFails() {
        FleetPropagationChecks.Pause neverShown =
                new FleetPropagationChecks.Pause(2, IDS.get(2), IDS.get(0), ROLLOUT, ONSET, PAUSE, RESUME, -1);
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluatePause(eval, neverShown, pauseViews(RESUME + 1_200), pauseTraffic(RESUME + 1_200));

        assertThat(eval.failures())
                .containsExactly("paused_member_status_convergence_ms was not measured, so convergence_within_ms = 2000"
                        + " cannot be shown to hold");
    }

    @Test
    void greenFromThePausedMemberAfterTheWindowFails() {
        List<MemberObservation> traffic = new ArrayList<>(pauseTraffic(RESUME + 1_200));
        traffic.add(MemberObservation.of(2, IDS.get(2), RESUME + 2_001, 200, "green"));
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluatePause(eval, PAUSED, pauseViews(RESUME + 1_200), traffic);

        assertThat(eval.failures())
                .containsExactly("paused_member_green_after_convergence_window was 1, above the limit"
                        + " paused_member_green_after_convergence_window_max = 0");
    }

    @Test
    void aRollbackDecidedAfterTheResumeDoesNotTestTheClaim() {
        List<MemberView> views = pauseViews(RESUME + 1_200).stream()
                .map(v -> member(v.index(), v.applied(), rollback(RESUME + 100), IDS.get(0)))
                .toList();
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluatePause(eval, PAUSED, views, pauseTraffic(RESUME + 1_200));

        assertThat(eval.failures()).anySatisfy(f -> assertThat(f).startsWith("rollback_while_paused was false"));
    }

    @Test
    void aPausedMemberThatNeverRanTheCanaryProvesNothing() {
        List<MemberView> views = new ArrayList<>(pauseViews(RESUME + 1_200));
        views.set(
                2,
                member(
                        2,
                        List.of(
                                new AppliedRecord(1, T0, 0, "STABLE"),
                                new AppliedRecord(3, RESUME + 1_200, 0, "ROLLED_BACK")),
                        rollback(DECISION),
                        IDS.get(0)));
        List<MemberObservation> blueOnly = pauseTraffic(RESUME + 1_200).stream()
                .map(o -> o.sentTo(2) && o.servedBy("green")
                        ? MemberObservation.of(2, IDS.get(2), o.startEpochMs(), 200, "blue")
                        : o)
                .toList();
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluatePause(eval, PAUSED, views, blueOnly);

        assertThat(eval.failures())
                .singleElement()
                .asString()
                .startsWith("paused_member_ran_canary_before_pause was false");
    }

    @Test
    void tooFewRequestsAfterTheWindowOrAnyWhileStoppedFail() {
        List<MemberObservation> traffic = pauseTraffic(RESUME + 1_200).stream()
                .filter(o -> !(o.sentTo(2) && o.startEpochMs() > RESUME + 2_000))
                .toList();
        List<MemberObservation> withStopped = new ArrayList<>(traffic);
        withStopped.add(MemberObservation.of(2, null, PAUSE + 100, 0, null));
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluatePause(eval, PAUSED, pauseViews(RESUME + 1_200), withStopped);

        assertThat(eval.failures())
                .containsExactly(
                        "paused_member_requests_after_convergence_window was 0, below the minimum"
                                + " min_paused_requests_after_window = 20",
                        "requests_to_paused_member_while_stopped was 1, above the limit"
                                + " requests_to_paused_member_while_stopped_max = 0");
    }

    @Test
    void pausingTheLeaderIsNotThePausedFollowerScenario() {
        FleetPropagationChecks.Pause leader = new FleetPropagationChecks.Pause(
                2, IDS.get(2), IDS.get(2), ROLLOUT, ONSET, PAUSE, RESUME, RESUME + 1_300);
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluatePause(eval, leader, pauseViews(RESUME + 1_200), pauseTraffic(RESUME + 1_200));

        assertThat(eval.failures()).singleElement().asString().startsWith("paused_member_was_follower was false");
    }

    @Test
    void noPauseAtAllFails() {
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluatePause(eval, null, pauseViews(RESUME + 1_200), pauseTraffic(RESUME + 1_200));

        assertThat(eval.passed()).isFalse();
        assertThat(eval.failures()).anySatisfy(f -> assertThat(f).startsWith("member_paused_and_resumed was false"));
    }

    // ---- fixtures

    /** Shift i returned at T0 + 200 i through member i % 3, green weight alternating in [0,20], version i + 2. */
    private static List<FleetPropagationChecks.Shift> shifts(int n) {
        List<FleetPropagationChecks.Shift> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new FleetPropagationChecks.Shift(i % 3, (i * 7) % 21, T0 + 200L * i, (long) i + 2));
        }
        return out;
    }

    /** Every member applied every shift's version {@code lag.applyAsInt(i)} ms after its call returned. */
    private static List<MemberView> applied(List<FleetPropagationChecks.Shift> shifts, IntUnaryOperator lag) {
        List<MemberView> out = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            List<AppliedRecord> records = new ArrayList<>();
            records.add(new AppliedRecord(1, T0 - 10_000, 0, "STABLE"));
            for (int i = 0; i < shifts.size(); i++) {
                FleetPropagationChecks.Shift s = shifts.get(i);
                records.add(new AppliedRecord(i + 2, s.returnedEpochMs() + lag.applyAsInt(i), s.green(), "STABLE"));
            }
            out.add(member(m, records, null, IDS.get(0)));
        }
        return out;
    }

    /** Members 0 and 1 applied the rollback 20 ms after the decision; the paused member 2 at {@code at}. */
    private static List<MemberView> pauseViews(long pausedAppliedAt) {
        List<MemberView> out = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            out.add(member(
                    m,
                    List.of(
                            new AppliedRecord(60, ROLLOUT + 2, 10, "CANARY"),
                            new AppliedRecord(61, m == 2 ? pausedAppliedAt : DECISION + 20, 0, "ROLLED_BACK")),
                    rollback(DECISION),
                    IDS.get(0)));
        }
        return out;
    }

    /**
     * Requests every 5 ms round robin; member 2 is out of the rotation while paused; green one in ten until
     * the member applied the rollback.
     */
    private static List<MemberObservation> pauseTraffic(long pausedAppliedAt) {
        List<MemberObservation> out = new ArrayList<>();
        int n = 0;
        for (long t = ROLLOUT; t < RESUME + 5_000; t += 5, n++) {
            boolean stopped = t > PAUSE && t < RESUME;
            int m = stopped ? n % 2 : n % 3;
            long appliedAt = m == 2 ? pausedAppliedAt : DECISION + 20;
            boolean green = n % 10 == 0 && t < appliedAt;
            out.add(MemberObservation.of(m, IDS.get(m), t, 200, green ? "green" : "blue"));
        }
        return out;
    }
}
