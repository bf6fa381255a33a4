package dev.relaygate.gates.fleetoverhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.gates.GateEvaluation;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FleetOverheadChecksTest {

    private static final FleetOverheadChecks CHECKS = new FleetOverheadChecks(0.05, 0.001);

    private static FleetOverheadChecks.Arm arm(double cpuUs, double clusteringUs, List<Double> byRound) {
        return new FleetOverheadChecks.Arm(cpuUs, clusteringUs, byRound, cpuUs * 0.8, 0.2, 1.5, 12_000, 0, 9_000);
    }

    private static GateEvaluation evaluate(
            FleetOverheadChecks.Arm solo, FleetOverheadChecks.Arm member, Double joinMs) {
        GateEvaluation eval = new GateEvaluation();
        CHECKS.evaluate(eval, solo, member, 12_000, 0, joinMs);
        return eval;
    }

    @Test
    void clusteringThreadsWithinFivePercentOfTheRestPass() {
        // 10 us of 260 us: 10 / 250 = 0.04 of the member's other CPU per request
        GateEvaluation eval = evaluate(
                arm(240, 0, List.of(200.0, 250.0, 300.0)), arm(260, 10, List.of(220.0, 240.0, 360.0)), 4_200.0);

        assertThat(eval.failures()).isEmpty();
        assertThat(eval.measuredFigures())
                .containsEntry("clustering_cpu_share", 0.04)
                .containsEntry("member_clustering_cpu_us_per_request", 10.0)
                // side by side, reported only: 260 / 240 - 1, and the median of 1.1, 0.96, 1.2 minus one
                .containsEntry("side_by_side_cpu_added_ratio", 0.083)
                .containsEntry("side_by_side_cpu_added_ratio_round_median", 0.1)
                .containsEntry("member_join_ms", 4_200.0);
    }

    @Test
    void clusteringThreadsAboveFivePercentFail() {
        GateEvaluation eval = evaluate(arm(240, 0, List.of()), arm(260, 15, List.of()), 4_200.0);

        assertThat(eval.failures())
                .containsExactly("clustering_cpu_share was 0.061, above the limit clustering_cpu_share_max = 0.05");
        assertThat(eval.measuredFigures()).containsEntry("side_by_side_cpu_added_ratio_round_median", null);
    }

    @Test
    void cpuThatCouldNotBeReadIsNotMeasuredNeverAPass() {
        GateEvaluation eval = evaluate(arm(240, 0, List.of()), arm(Double.NaN, Double.NaN, List.of()), 4_200.0);

        assertThat(eval.failures())
                .containsExactly("clustering_cpu_share was not measured, so clustering_cpu_share_max = 0.05 cannot be"
                        + " shown to hold");
    }

    @Test
    void failedRequestsAndAMemberThatNeverJoinedFail() {
        FleetOverheadChecks.Arm failing =
                new FleetOverheadChecks.Arm(250, 5, List.of(), 200, 0.2, 1.5, 12_000, 100, 9_000);

        GateEvaluation eval = evaluate(arm(240, 0, List.of()), failing, null);

        assertThat(eval.failures())
                .anySatisfy(f -> assertThat(f).startsWith("failed_ratio was "))
                .anySatisfy(f -> assertThat(f).startsWith("member_joined was false"));
    }
}
