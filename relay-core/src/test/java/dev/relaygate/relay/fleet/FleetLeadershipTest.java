package dev.relaygate.relay.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.fleet.FleetHarness.JudgeInput;
import dev.relaygate.relay.fleet.FleetHarness.Node;
import dev.relaygate.relay.rollout.Phase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Three members ticking as relays do, each reporting its intervals; the oldest judges the fleet's window. */
final class FleetLeadershipTest {

    @Test
    void aNewLeaderContinuesTheRolloutFromItsStepAndWindow() throws Exception {
        try (FleetHarness fleet = FleetHarness.start(3, JudgeInput.FLEET)) {
            Node leader = fleet.node(0);
            assertThat(leader.fleet.isLeader()).isTrue();
            fleet.nodes.forEach(n -> n.startTicking(100));
            leader.fleet.decide(() -> leader.controller.start(FleetHarness.settings(2), false));
            FleetHarness.await("step 2", () -> leader.record().rollout().step() == 2);
            ClusterRecord atStep2 = leader.record();

            long crashedAt = System.currentTimeMillis();
            leader.crash();
            Node next = fleet.node(1);
            FleetHarness.await(
                    "a new leader",
                    () -> next.fleet.isLeader() || fleet.node(2).fleet.isLeader());
            long takeover = System.currentTimeMillis() - crashedAt;
            Node newLeader = next.fleet.isLeader() ? next : fleet.node(2);

            // The new leader goes on from step 2 (never back to step 1) and keeps the rollout's clock.
            FleetHarness.await(
                    "step 3 by the new leader",
                    () -> newLeader.record().rollout().step() == 3);
            ClusterRecord atStep3 = newLeader.record();
            assertThat(atStep3.changedBy()).isEqualTo(newLeader.cluster.memberId());
            assertThat(atStep3.rollout().startedAtMillis())
                    .isEqualTo(atStep2.rollout().startedAtMillis());
            assertThat(atStep3.rollout().stepStartedAtMillis()
                            - atStep2.rollout().stepStartedAtMillis())
                    .as("step 3 came one interval after step 2 began, not a fresh interval after the takeover")
                    .isLessThan(2_000 + takeover + 1_000);
            assertThat(atStep3.version()).isEqualTo(atStep2.version() + 1);
            assertThat(takeover).as("takeover ms").isLessThan(5_000);
        }
    }

    @Test
    void aSilentMemberIsLeftOutByNameAndHoldsTheRolloutUntilItReportsAgain() throws Exception {
        try (FleetHarness fleet = FleetHarness.start(3, JudgeInput.FLEET)) {
            Node leader = fleet.node(0);
            Node follower = fleet.node(1);
            Node silent = fleet.node(2);
            fleet.nodes.forEach(n -> n.startTicking(100));
            leader.fleet.decide(() -> leader.controller.start(FleetHarness.settings(1), false));
            silent.stopTicking();

            String silentId = silent.cluster.memberId();
            FleetHarness.await(
                    "the leader names the silent member",
                    () -> List.of(silentId).equals(leader.fleet.status().get("excluded")));
            FleetHarness.await(
                    "a follower names it too",
                    () -> List.of(silentId).equals(follower.fleet.status().get("excluded")));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> members =
                    (List<Map<String, Object>>) leader.fleet.status().get("members");
            assertThat(members)
                    .filteredOn(m -> silentId.equals(m.get("id")))
                    .singleElement()
                    .satisfies(m -> assertThat(m.get("reporting")).isEqualTo(false));

            // Healthy reports from the other two are not enough: its traffic is unjudged, so the step holds.
            Thread.sleep(2_500);
            assertThat(leader.record().rollout().step()).isEqualTo(1);
            assertThat(leader.controller.timeline().snapshot())
                    .anySatisfy(e -> assertThat(e.message()).contains("members not reporting", silentId));

            silent.startTicking(100);
            FleetHarness.await(
                    "nobody left out", () -> ((List<?>) leader.fleet.status().get("excluded")).isEmpty());
            FleetHarness.await(
                    "the rollout goes on", () -> leader.record().rollout().step() >= 2);
            assertThat(leader.record().rollout().phase()).isIn(Phase.CANARY, Phase.PROMOTED);
        }
    }
}
