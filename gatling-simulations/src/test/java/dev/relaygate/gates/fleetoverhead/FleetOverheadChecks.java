package dev.relaygate.gates.fleetoverhead;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Rounding;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The fleet-overhead claim as a pure function of what the run measured: clustering adds at most 5% to the CPU a
 * relay spends per request at 1,000 req/s. Gated is the share a fleet member's clustering threads (Hazelcast's,
 * the relay's fleet timer, stall watch and peer reads, the cluster manager's worker pool) take of its CPU, per
 * request, against the rest of its CPU per request, both read from the same process over the same open-loop
 * blocks: a ratio the machine's noise cannot decide. A relay on its own runs beside the member from the same jar
 * with the same flags, and the two whole processes' CPU per request is reported side by side (pooled, and the
 * median of the per-round ratios): it also counts what clustering costs on shared threads (garbage collection,
 * compiled code shaped by Hazelcast's classes), but two processes' per-request cost drifted apart by up to 15%
 * from one round to the next here, with or without a fleet, so it is shown, not gated. Added latency over the
 * mock, saturated throughput and the time a new member takes to join the running fleet are reported too.
 *
 * @param clusteringShareMax the largest allowed (clustering threads' CPU / the member's other CPU), per request
 */
record FleetOverheadChecks(double clusteringShareMax, double failedRatioBelow) {

    /** What one relay (the solo relay or the fleet member) showed, added latencies against the direct arm. */
    record Arm(
            double cpuUsPerRequestAtRate,
            double clusteringCpuUsPerRequestAtRate,
            List<Double> cpuUsPerRequestByRound,
            double cpuUsPerRequestSaturated,
            double p50AddedMs,
            double p99AddedMs,
            long sent,
            long failed,
            double saturatedPerSec) {}

    /** @param joinMs launch to joined with the fleet's record applied; null when the new member never joined */
    void evaluate(GateEvaluation eval, Arm solo, Arm member, long directSent, long directFailed, Double joinMs) {
        double clustering = member.clusteringCpuUsPerRequestAtRate();
        double rest = member.cpuUsPerRequestAtRate() - clustering;
        Double share = Double.isFinite(clustering) && Double.isFinite(rest) && rest > 0
                ? Rounding.round3(clustering / rest)
                : null;
        long sent = directSent + solo.sent() + member.sent();
        long failed = directFailed + solo.failed() + member.failed();
        eval.atMost("clustering_cpu_share", share, "clustering_cpu_share_max", clusteringShareMax)
                .below("failed_ratio", (double) failed / Math.max(1, sent), "failed_ratio_below", failedRatioBelow)
                .isTrue("member_joined", joinMs != null, "a new member to join the running fleet and apply its record")
                .measured("member_clustering_cpu_us_per_request", round(clustering))
                .measured("member_cpu_us_per_request", round(member.cpuUsPerRequestAtRate()))
                .measured("solo_cpu_us_per_request", round(solo.cpuUsPerRequestAtRate()))
                .measured(
                        "side_by_side_cpu_added_ratio",
                        round(member.cpuUsPerRequestAtRate() / solo.cpuUsPerRequestAtRate() - 1))
                .measured(
                        "side_by_side_cpu_added_ratio_round_median",
                        round(medianRatio(solo.cpuUsPerRequestByRound(), member.cpuUsPerRequestByRound()) - 1))
                .measured("solo_cpu_us_per_request_saturated", round(solo.cpuUsPerRequestSaturated()))
                .measured("member_cpu_us_per_request_saturated", round(member.cpuUsPerRequestSaturated()))
                .measured("solo_p50_added_ms", round(solo.p50AddedMs()))
                .measured("solo_p99_added_ms", round(solo.p99AddedMs()))
                .measured("member_p50_added_ms", round(member.p50AddedMs()))
                .measured("member_p99_added_ms", round(member.p99AddedMs()))
                .measured("member_minus_solo_p50_ms", round(member.p50AddedMs() - solo.p50AddedMs()))
                .measured("member_minus_solo_p99_ms", round(member.p99AddedMs() - solo.p99AddedMs()))
                .measured("solo_saturated_per_sec", round(solo.saturatedPerSec()))
                .measured("member_saturated_per_sec", round(member.saturatedPerSec()))
                .measured("requests_per_arm", member.sent())
                .measured("member_join_ms", joinMs);
    }

    /** The median over rounds of member / solo CPU per request; NaN without a round measured in both. */
    static double medianRatio(List<Double> solo, List<Double> member) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(solo.size(), member.size()); i++) {
            if (solo.get(i) > 0 && Double.isFinite(member.get(i))) {
                ratios.add(member.get(i) / solo.get(i));
            }
        }
        return ratios.isEmpty()
                ? Double.NaN
                : new Median()
                        .evaluate(
                                ratios.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Double round(double v) {
        return Double.isFinite(v) ? Rounding.round3(v) : null;
    }
}
