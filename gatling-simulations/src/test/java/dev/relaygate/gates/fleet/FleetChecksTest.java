package dev.relaygate.gates.fleet;

import static dev.relaygate.gates.fleet.FleetFixtures.DECISION;
import static dev.relaygate.gates.fleet.FleetFixtures.IDS;
import static dev.relaygate.gates.fleet.FleetFixtures.ONSET;
import static dev.relaygate.gates.fleet.FleetFixtures.ROLLOUT;
import static dev.relaygate.gates.fleet.FleetFixtures.fleet;
import static dev.relaygate.gates.fleet.FleetFixtures.member;
import static dev.relaygate.gates.fleet.FleetFixtures.rollback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.gates.AppliedRecord;
import dev.relaygate.gates.FleetRig;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.MemberObservation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FleetChecksTest {

    @Test
    void membersThatAppliedTheRollbackWithinTheLimitPassWithTheSlowestAsTheFigure() {
        GateEvaluation eval = new GateEvaluation();

        FleetChecks.applyLag(eval, fleet(0, 12, 40), rollback(DECISION), ROLLOUT, 100, true);

        assertThat(eval.failures()).isEmpty();
        assertThat(eval.measuredFigures())
                .containsEntry("apply_lag_max_ms", 40.0)
                .containsEntry("member_2_apply_lag_ms", 12.0);
    }

    @Test
    void oneMemberApplyingLateFailsNamingTheFigure() {
        GateEvaluation eval = new GateEvaluation();

        FleetChecks.applyLag(eval, fleet(0, 12, 250), rollback(DECISION), ROLLOUT, 100, true);

        assertThat(eval.failures()).containsExactly("apply_lag_max_ms was 250, above the limit apply_within_ms = 100");
    }

    @Test
    void aMemberWhoseAppliedRecordsCouldNotBeReadFailsInsteadOfBeingSkipped() {
        List<MemberView> views = new ArrayList<>(fleet(0, 12));
        views.add(new MemberView(2, IDS.get(2), FleetRig.State.RUNNING, null, null, null, "connection refused"));
        GateEvaluation eval = new GateEvaluation();

        FleetChecks.applyLag(eval, views, rollback(DECISION), ROLLOUT, 100, true);

        assertThat(eval.passed()).isFalse();
        assertThat(eval.failures())
                .anySatisfy(f -> assertThat(f).contains("member-3: connection refused"))
                .anySatisfy(f -> assertThat(f).startsWith("apply_lag_max_ms was not measured"));
    }

    @Test
    void aMemberThatNeverAppliedARolledBackRecordFails() {
        List<MemberView> views = new ArrayList<>(fleet(0, 12));
        views.add(member(2, List.of(new AppliedRecord(2, ROLLOUT + 3, 10, "CANARY")), rollback(DECISION), IDS.get(0)));
        GateEvaluation eval = new GateEvaluation();

        FleetChecks.applyLag(eval, views, rollback(DECISION), ROLLOUT, 100, true);

        assertThat(eval.failures())
                .anySatisfy(f -> assertThat(f).contains("member-3: no ROLLED_BACK record among its 1 applied records"));
    }

    @Test
    void aRolledBackRecordThatStillRoutesGreenFails() {
        List<MemberView> views = new ArrayList<>(fleet(0, 12));
        views.add(member(
                2, List.of(new AppliedRecord(3, DECISION + 5, 10, "ROLLED_BACK")), rollback(DECISION), IDS.get(0)));
        GateEvaluation eval = new GateEvaluation();

        FleetChecks.applyLag(eval, views, rollback(DECISION), ROLLOUT, 100, true);

        assertThat(eval.failures())
                .singleElement()
                .asString()
                .startsWith("rollback_records_route_green_0 was false")
                .contains("member-3 (green 10)");
    }

    @Test
    void aRollbackRecordFromBeforeTheRolloutIsNotThisRollback() {
        List<MemberView> views = List.of(member(
                0, List.of(new AppliedRecord(1, ROLLOUT - 5_000, 0, "ROLLED_BACK")), rollback(DECISION), IDS.get(0)));
        GateEvaluation eval = new GateEvaluation();

        FleetChecks.applyLag(eval, views, rollback(DECISION), ROLLOUT, 100, true);

        assertThat(eval.passed()).isFalse();
    }

    @Test
    void withoutADecisionNoLagCanBeMeasured() {
        GateEvaluation eval = new GateEvaluation();

        FleetChecks.applyLag(eval, fleet(0, 0, 0), null, ROLLOUT, 100, true);

        assertThat(eval.measuredFigures()).containsEntry("apply_lag_max_ms", null);
        assertThat(eval.passed()).isFalse();
    }

    @Test
    void greenOnOneMemberAfterItAppliedTheRollbackAndTheGraceFails() {
        List<MemberView> views = fleet(0, 10, 20);
        List<MemberObservation> traffic =
                new ArrayList<>(FleetFixtures.trafficUntilApplied(views, ONSET, DECISION + 5_000));
        traffic.add(MemberObservation.of(1, IDS.get(1), DECISION + 10 + 1_001, 200, "green"));
        GateEvaluation eval = new GateEvaluation();

        FleetChecks.greenAfterApply(eval, views, traffic, ROLLOUT, 1_000);

        assertThat(eval.failures())
                .containsExactly("green_after_apply was 1, above the limit green_after_apply_max = 0");
        assertThat(eval.measuredFigures())
                .containsEntry("member_2_green_after_apply", 1L)
                .containsEntry("member_1_green_after_apply", 0L);
    }

    @Test
    void greenWithinTheGraceAfterAMemberAppliedPasses() {
        List<MemberView> views = fleet(0, 10, 20);
        List<MemberObservation> traffic =
                new ArrayList<>(FleetFixtures.trafficUntilApplied(views, ONSET, DECISION + 5_000));
        traffic.add(MemberObservation.of(1, IDS.get(1), DECISION + 10 + 999, 200, "green"));
        GateEvaluation eval = new GateEvaluation();

        FleetChecks.greenAfterApply(eval, views, traffic, ROLLOUT, 1_000);

        assertThat(eval.failures()).isEmpty();
    }

    @Test
    void greenAfterApplyIsUnmeasuredWhenAMemberNeverApplied() {
        List<MemberView> views = new ArrayList<>(fleet(0, 10));
        views.add(new MemberView(2, IDS.get(2), FleetRig.State.RUNNING, null, null, null, "timeout"));
        GateEvaluation eval = new GateEvaluation();

        FleetChecks.greenAfterApply(eval, views, List.of(), ROLLOUT, 1_000);

        assertThat(eval.failures()).singleElement().asString().startsWith("green_after_apply was not measured");
    }

    @Test
    void aMemberRaisingGreenAgainAfterItsRollbackFails() {
        List<AppliedRecord> applied = new ArrayList<>(FleetFixtures.canaryThenRollback(DECISION + 5));
        applied.add(new AppliedRecord(4, DECISION + 900, 10, "CANARY"));
        List<MemberView> views = List.of(member(0, applied, rollback(DECISION), IDS.get(0)));
        GateEvaluation eval = new GateEvaluation();

        FleetChecks.noGreenRaisedAfterRollback(eval, views, ROLLOUT);

        assertThat(eval.failures())
                .containsExactly(
                        "green_raised_after_rollback was 1, above the limit green_raised_after_rollback_max = 0");
    }

    @Test
    void aMemberGoingBackToTheOlderCanaryRecordAfterItsRollbackFails() {
        List<AppliedRecord> applied = new ArrayList<>(FleetFixtures.canaryThenRollback(DECISION + 5));
        applied.add(new AppliedRecord(2, DECISION + 3_500, 10, "CANARY"));
        applied.add(new AppliedRecord(3, DECISION + 3_540, 0, "ROLLED_BACK"));
        List<MemberView> views = List.of(member(0, applied, rollback(DECISION), IDS.get(0)));
        GateEvaluation eval = new GateEvaluation();

        FleetChecks.noGreenRaisedAfterRollback(eval, views, ROLLOUT);

        assertThat(eval.failures())
                .containsExactly(
                        "green_raised_after_rollback was 1, above the limit green_raised_after_rollback_max = 0");
        assertThat(eval.measuredFigures())
                .containsEntry(
                        "green_raised_after_rollback_records",
                        "member-1 applied v2 (CANARY, green 10) 3495 ms after its v3 rollback");
    }

    @Test
    void anAnswerNamingAnotherMemberOrNoneFailsTheHeaderCheckButUnansweredRequestsDoNot() {
        List<MemberObservation> traffic = List.of(
                MemberObservation.of(0, IDS.get(0), ONSET, 200, "blue"),
                MemberObservation.of(1, IDS.get(2), ONSET + 1, 200, "blue"),
                MemberObservation.of(2, null, ONSET + 2, 200, "blue"),
                MemberObservation.of(2, null, ONSET + 3, 0, null));
        GateEvaluation eval = new GateEvaluation();

        FleetChecks.memberHeaders(eval, IDS, traffic);

        assertThat(eval.measuredFigures()).containsEntry("member_header_mismatches", 2.0);
        assertThat(eval.passed()).isFalse();
    }

    @Test
    void aRollbackBeforeTheFaultOrTooLateOrNotByTheErrorCheckFails() {
        GateEvaluation early = new GateEvaluation();
        FleetChecks.rollbackTiming(early, rollback(ONSET - 1), ONSET, 30_000);
        GateEvaluation late = new GateEvaluation();
        FleetChecks.rollbackTiming(late, rollback(ONSET + 30_001), ONSET, 30_000);
        GateEvaluation manual = new GateEvaluation();
        FleetChecks.rollbackTiming(manual, new RollbackView(ONSET + 5_000, false, "", "operator"), ONSET, 30_000);
        GateEvaluation none = new GateEvaluation();
        FleetChecks.rollbackTiming(none, null, ONSET, 30_000);
        GateEvaluation fine = new GateEvaluation();
        FleetChecks.rollbackTiming(fine, rollback(ONSET + 6_000), ONSET, 30_000);

        assertThat(early.failures()).anySatisfy(f -> assertThat(f).startsWith("no_rollback_before_fault was false"));
        assertThat(late.failures())
                .containsExactly("rollback_after_ms was 30001, above the limit rollback_within_ms = 30000");
        assertThat(manual.failures()).singleElement().asString().startsWith("rollback_decided_by_error_rate was false");
        assertThat(none.failures()).hasSize(2);
        assertThat(fine.failures()).isEmpty();
        assertThat(fine.measuredFigures()).containsEntry("rollback_after_ms", 6_000.0);
    }

    @Test
    void theDecisionIsTheEarliestReportedAndDisagreeingMembersFail() {
        List<MemberView> views = List.of(
                member(0, List.of(), rollback(DECISION), IDS.get(0)),
                member(1, List.of(), rollback(DECISION + 7), IDS.get(0)),
                member(2, List.of(), null, IDS.get(0)));
        GateEvaluation eval = new GateEvaluation();

        FleetChecks.decisionsAgree(eval, views);

        assertThat(FleetChecks.decision(views).atMillis()).isEqualTo(DECISION);
        assertThat(eval.passed()).isFalse();
    }

    @Test
    void failuresAfterTheDecisionAndGraceFailEvenWithinTheBound() {
        List<MemberObservation> traffic = List.of(
                MemberObservation.of(0, IDS.get(0), DECISION - 10, 503, "green"),
                MemberObservation.of(1, IDS.get(1), DECISION + 1_500, 502, "blue"));
        GateEvaluation eval = new GateEvaluation();

        FleetChecks.clientFailures(eval, "client_", traffic, 10, rollback(DECISION), 1_000);

        assertThat(eval.failures())
                .containsExactly(
                        "client_failures_after_rollback was 1, above the limit client_failures_after_rollback_max = 0");
    }

    @Test
    void theFailureBoundIsTheAutoRollbackErrorsOne() {
        // 200 req/s x 10% x 30 s = 600 green requests failing at 5%: the 1 - 1e-4 quantile
        assertThat(FleetChecks.failureBound(200, 10, 30_000, 5)).isBetween(45, 55);
    }
}
