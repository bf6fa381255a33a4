package dev.relaygate.gates.fleetrollback;

import static dev.relaygate.gates.fleet.FleetFixtures.DECISION;
import static dev.relaygate.gates.fleet.FleetFixtures.IDS;
import static dev.relaygate.gates.fleet.FleetFixtures.ONSET;
import static dev.relaygate.gates.fleet.FleetFixtures.ROLLOUT;
import static dev.relaygate.gates.fleet.FleetFixtures.fleet;
import static dev.relaygate.gates.fleet.FleetFixtures.trafficUntilApplied;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.gates.FleetRig;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.MemberObservation;
import dev.relaygate.gates.fleet.MemberView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FleetRollbackChecksTest {

    private static final FleetRollbackChecks CHECKS = new FleetRollbackChecks(30_000, 100, 1_000, 50);

    @Test
    void aFleetThatRolledBackInTimeAndAppliedItEverywhereQuicklyPasses() {
        List<MemberView> views = fleet(5, 20, 60);

        GateEvaluation eval = evaluate(views, trafficUntilApplied(views, ONSET - 10_000, DECISION + 5_000));

        assertThat(eval.failures()).isEmpty();
        assertThat(eval.measuredFigures())
                .containsEntry("rollback_after_ms", 6_000.0)
                .containsEntry("apply_lag_max_ms", 60.0);
        assertThat(eval.targets()).containsEntry("rollback_after_ms", 8_000.0);
    }

    @Test
    void oneMemberApplyingTheRollbackLateFailsTheGate() {
        List<MemberView> views = fleet(5, 20, 160);

        GateEvaluation eval = evaluate(views, trafficUntilApplied(views, ONSET - 10_000, DECISION + 5_000));

        assertThat(eval.failures()).containsExactly("apply_lag_max_ms was 160, above the limit apply_within_ms = 100");
    }

    @Test
    void greenServedByOneMemberAfterItAppliedTheRollbackFailsTheGate() {
        List<MemberView> views = fleet(5, 20, 60);
        List<MemberObservation> traffic = new ArrayList<>(trafficUntilApplied(views, ONSET - 10_000, DECISION + 5_000));
        traffic.add(MemberObservation.of(2, IDS.get(2), DECISION + 60 + 2_000, 200, "green"));

        GateEvaluation eval = evaluate(views, traffic);

        assertThat(eval.failures())
                .containsExactly("green_after_apply was 1, above the limit green_after_apply_max = 0");
    }

    @Test
    void aMemberThatCouldNotBeAskedFailsTheGateRatherThanBeingLeftOut() {
        List<MemberView> views = new ArrayList<>(fleet(5, 20));
        views.add(new MemberView(2, IDS.get(2), FleetRig.State.RUNNING, null, null, null, "GET timed out"));

        GateEvaluation eval = evaluate(views, trafficUntilApplied(views, ONSET - 10_000, DECISION + 5_000));

        assertThat(eval.passed()).isFalse();
        assertThat(eval.failures())
                .anySatisfy(f -> assertThat(f).startsWith("every_member_applied_rollback was false"))
                .anySatisfy(f -> assertThat(f).startsWith("apply_lag_max_ms was not measured"))
                .anySatisfy(f -> assertThat(f).startsWith("green_after_apply was not measured"));
    }

    @Test
    void noMemberReportingARollbackFailsEveryTimingCheck() {
        List<MemberView> views = fleet(5, 20, 60).stream()
                .map(v -> new MemberView(v.index(), v.id(), v.state(), v.applied(), null, v.leader(), null))
                .toList();

        GateEvaluation eval = evaluate(views, trafficUntilApplied(views, ONSET - 10_000, DECISION + 5_000));

        assertThat(eval.failures())
                .anySatisfy(f -> assertThat(f).startsWith("rollback_after_ms was not measured"))
                .anySatisfy(f -> assertThat(f).startsWith("apply_lag_max_ms was not measured"))
                .anySatisfy(f -> assertThat(f).startsWith("client_failures_after_rollback was not measured"));
    }

    @Test
    void answersWithoutTheMemberHeaderFailTheGate() {
        List<MemberView> views = fleet(5, 20, 60);
        List<MemberObservation> traffic = trafficUntilApplied(views, ONSET - 10_000, DECISION + 5_000).stream()
                .map(o -> new MemberObservation(o.member(), null, o.startEpochMs(), o.observation()))
                .toList();

        GateEvaluation eval = evaluate(views, traffic);

        assertThat(eval.failures())
                .singleElement()
                .asString()
                .startsWith("member_header_mismatches was " + traffic.size());
    }

    private static GateEvaluation evaluate(List<MemberView> views, List<MemberObservation> traffic) {
        GateEvaluation eval = new GateEvaluation();
        CHECKS.evaluate(eval, views, IDS, ROLLOUT, ONSET, traffic);
        return eval;
    }
}
