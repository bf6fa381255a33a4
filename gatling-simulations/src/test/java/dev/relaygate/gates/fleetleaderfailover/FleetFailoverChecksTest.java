package dev.relaygate.gates.fleetleaderfailover;

import static dev.relaygate.gates.fleet.FleetFixtures.DECISION;
import static dev.relaygate.gates.fleet.FleetFixtures.IDS;
import static dev.relaygate.gates.fleet.FleetFixtures.ONSET;
import static dev.relaygate.gates.fleet.FleetFixtures.ROLLOUT;
import static dev.relaygate.gates.fleet.FleetFixtures.canaryThenRollback;
import static dev.relaygate.gates.fleet.FleetFixtures.member;
import static dev.relaygate.gates.fleet.FleetFixtures.rollback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.gates.FleetRig;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.MemberObservation;
import dev.relaygate.gates.fleet.MemberView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FleetFailoverChecksTest {

    private static final FleetFailoverChecks CHECKS = new FleetFailoverChecks(30_000, 100, 1_000, 50, 5_000);
    /** Member 0 led and was killed 5 ms after the onset; member 1 took over. */
    private static final long KILL = ONSET + 5;

    private static final FleetFailoverChecks.Kill KILLED = new FleetFailoverChecks.Kill(0, IDS.get(0), KILL);
    private static final FleetFailoverChecks.NewLeader TOOK_OVER =
            new FleetFailoverChecks.NewLeader(IDS.get(1), KILL + 800);

    @Test
    void survivorsThatElectANewLeaderAndRollBackInTimePass() {
        GateEvaluation eval = evaluate(survivors(IDS.get(1)), TOOK_OVER, traffic());

        assertThat(eval.failures()).isEmpty();
        assertThat(eval.measuredFigures())
                .containsEntry("failover_ms", 800.0)
                .containsEntry("new_leader", IDS.get(1))
                .containsEntry("killed_member_failures", 2.0);
    }

    @Test
    void aNewLeaderLaterThanTheTakeoverBoundFails() {
        GateEvaluation eval =
                evaluate(survivors(IDS.get(1)), new FleetFailoverChecks.NewLeader(IDS.get(1), KILL + 5_500), traffic());

        assertThat(eval.failures()).anySatisfy(f -> assertThat(f).startsWith("failover_ms was 5500"));
    }

    @Test
    void aFailoverWithoutANewLeaderFails() {
        GateEvaluation eval = evaluate(survivors(IDS.get(0)), null, traffic());

        assertThat(eval.failures())
                .anySatisfy(f -> assertThat(f).startsWith("new_leader_elected was false"))
                .anySatisfy(f -> assertThat(f).startsWith("survivors_agree_on_new_leader was false"))
                .anySatisfy(f -> assertThat(f).startsWith("failover_ms was not measured"));
    }

    @Test
    void theKilledLeadersOwnIdOrAMemberOutsideTheSurvivorsIsNoNewLeader() {
        GateEvaluation same =
                evaluate(survivors(IDS.get(1)), new FleetFailoverChecks.NewLeader(IDS.get(0), KILL + 10), traffic());
        GateEvaluation stranger = evaluate(
                survivors(IDS.get(1)), new FleetFailoverChecks.NewLeader("10.0.0.9:5801", KILL + 10), traffic());

        assertThat(same.failures()).anySatisfy(f -> assertThat(f).startsWith("new_leader_elected was false"));
        assertThat(stranger.failures()).anySatisfy(f -> assertThat(f).startsWith("new_leader_elected was false"));
    }

    @Test
    void survivorsNamingDifferentLeadersAtTheEndFail() {
        List<MemberView> views = new ArrayList<>(survivors(IDS.get(1)));
        views.set(2, member(2, canaryThenRollback(DECISION + 30), rollback(DECISION), IDS.get(2)));

        GateEvaluation eval = evaluate(views, TOOK_OVER, traffic());

        assertThat(eval.failures()).singleElement().asString().startsWith("survivors_agree_on_new_leader was false");
    }

    @Test
    void noLeaderKilledFailsTheGate() {
        GateEvaluation eval = new GateEvaluation();

        CHECKS.evaluate(eval, survivors(IDS.get(1)), IDS, ROLLOUT, ONSET, null, TOOK_OVER, traffic());

        assertThat(eval.failures()).anySatisfy(f -> assertThat(f).startsWith("leader_killed was false"));
    }

    @Test
    void aRequestSentToTheKilledMemberAfterTheKillFails() {
        List<MemberObservation> traffic = new ArrayList<>(traffic());
        traffic.add(MemberObservation.of(0, null, KILL + 300, 0, null));

        GateEvaluation eval = evaluate(survivors(IDS.get(1)), TOOK_OVER, traffic);

        assertThat(eval.failures())
                .containsExactly(
                        "requests_to_killed_after_kill was 1, above the limit requests_to_killed_after_kill_max = 0");
    }

    @Test
    void killedMemberFailuresBeyondItsRequestsInFlightAtTheKillFail() {
        List<MemberObservation> traffic = new ArrayList<>();
        // two requests in the last second before the kill, but four failures, two of them long before
        traffic.add(MemberObservation.of(0, null, KILL - 20, 0, null));
        traffic.add(MemberObservation.of(0, null, KILL - 5, 0, null));
        traffic.add(MemberObservation.of(0, IDS.get(0), KILL - 5_000, 500, "blue"));
        traffic.add(MemberObservation.of(0, IDS.get(0), KILL - 4_000, 500, "blue"));

        GateEvaluation eval = evaluate(survivors(IDS.get(1)), TOOK_OVER, traffic);

        assertThat(eval.failures())
                .containsExactly("killed_member_failures was 4, above the limit killed_member_failures_max = 2");
    }

    @Test
    void survivorFailuresBeyondTheErrorBoundFail() {
        List<MemberObservation> traffic = new ArrayList<>(traffic());
        for (int i = 0; i < 51; i++) {
            traffic.add(MemberObservation.of(1 + i % 2, IDS.get(1 + i % 2), ONSET + i, 500, "green"));
        }

        GateEvaluation eval = evaluate(survivors(IDS.get(1)), TOOK_OVER, traffic);

        assertThat(eval.failures())
                .containsExactly("other_client_failures was 51, above the limit other_client_failures_max = 50");
    }

    @Test
    void aSurvivorServingGreenAfterItAppliedTheRollbackFails() {
        List<MemberObservation> traffic = new ArrayList<>(traffic());
        traffic.add(MemberObservation.of(2, IDS.get(2), DECISION + 30 + 1_500, 200, "green"));

        GateEvaluation eval = evaluate(survivors(IDS.get(1)), TOOK_OVER, traffic);

        assertThat(eval.failures())
                .containsExactly("green_after_apply was 1, above the limit green_after_apply_max = 0");
    }

    @Test
    void aSurvivorWithoutDataFailsButTheKilledMembersMissingDataDoesNot() {
        List<MemberView> views = new ArrayList<>(survivors(IDS.get(1)));
        views.set(2, new MemberView(2, IDS.get(2), FleetRig.State.RUNNING, null, null, null, "refused"));

        GateEvaluation eval = evaluate(views, TOOK_OVER, traffic());

        assertThat(eval.failures())
                .anySatisfy(f -> assertThat(f).contains("member-3: refused"))
                .noneSatisfy(f -> assertThat(f).contains("member-1"));
    }

    /** The killed member 0 (no data) and two survivors that applied the rollback 10 and 30 ms after it. */
    private static List<MemberView> survivors(String leaderAtEnd) {
        return List.of(
                new MemberView(0, IDS.get(0), FleetRig.State.KILLED, null, null, null, "killed by the gate"),
                member(1, canaryThenRollback(DECISION + 10), rollback(DECISION), leaderAtEnd),
                member(2, canaryThenRollback(DECISION + 30), rollback(DECISION), leaderAtEnd));
    }

    /**
     * Round robin over three members until the kill (two requests to member 0 cut by it), then over the two
     * survivors, green on each until it applied the rollback.
     */
    private static List<MemberObservation> traffic() {
        List<MemberObservation> out = new ArrayList<>();
        int n = 0;
        for (long t = ONSET - 10_000; t < KILL - 30; t += 5, n++) {
            int m = n % 3;
            out.add(MemberObservation.of(m, IDS.get(m), t, 200, n % 10 == 0 ? "green" : "blue"));
        }
        out.add(MemberObservation.of(0, null, KILL - 20, 0, null));
        out.add(MemberObservation.of(0, null, KILL - 5, 0, null));
        for (long t = KILL; t < DECISION + 5_000; t += 5, n++) {
            int m = 1 + n % 2;
            boolean green = n % 10 == 0 && t < DECISION + (m == 1 ? 10 : 30);
            out.add(MemberObservation.of(m, IDS.get(m), t, 200, green ? "green" : "blue"));
        }
        return out;
    }

    private static GateEvaluation evaluate(
            List<MemberView> views, FleetFailoverChecks.NewLeader newLeader, List<MemberObservation> traffic) {
        GateEvaluation eval = new GateEvaluation();
        CHECKS.evaluate(eval, views, IDS, ROLLOUT, ONSET, KILLED, newLeader, traffic);
        return eval;
    }
}
