package dev.relaygate.relay.cli;

import static dev.relaygate.relay.cli.StatusDocuments.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class StatusSummaryTest {

    /** Ten seconds after the captured canary verdict. */
    private static final Instant NOW = Instant.ofEpochMilli(1796384946557L);

    private static String summary(ObjectNode status) {
        return StatusSummary.format(status, NOW);
    }

    private static List<String> lines(String text, String prefix) {
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void inStableWithAConfigured90To10SplitTheWeightsShownOnceAreThePolicys() {
        String text = summary(parse(StatusDocuments.STABLE_90_10));

        assertThat(lines(text, "  Weights:")).containsExactly("  Weights:        blue 90% / green 10%");
        assertThat(text).doesNotContain("100%").doesNotContain("green 0%");
        assertThat(lines(text, "  Phase:")).containsExactly("  Phase:          STABLE");
        assertThat(lines(text, "  Step:")).containsExactly("  Step:           0");
        assertThat(lines(text, "  Strategy:")).containsExactly("  Strategy:       weighted");
        assertThat(lines(text, "  Shadow:")).containsExactly("  Shadow:         off");
        assertThat(text).contains("  Policy:         v1, changed 2026-12-04T11:48:53.696Z by admin traffic-shift");
        assertThat(lines(text, "  Decision:")).containsExactly("  Decision:       none yet");
        assertThat(text).doesNotContain("Rollback");
    }

    @Test
    void aCanaryShowsItsStepAndTheLastVerdictWithEveryChecksNumbers() {
        String text = summary(parse(StatusDocuments.CANARY_STEP_1));

        assertThat(text).contains("  Phase:          CANARY\n");
        assertThat(text).contains("  Step:           1 (+10% per step, at least 300 s each)\n");
        assertThat(lines(text, "  Weights:")).containsExactly("  Weights:        blue 90% / green 10%");
        assertThat(text)
                .contains("  Decision:       HOLD_INSUFFICIENT_DATA\n")
                .contains("  Reason:         holding: error_rate INSUFFICIENT_DATA (1 samples < min_samples 5)\n")
                .contains("  At:             2026-12-04T11:48:56Z (10s ago)\n")
                .contains("  Window:         1.5 s (CANARY)\n");
        assertThat(text)
                .containsPattern("error_rate +INSUFFICIENT_DATA +errors 0/1 = 0.00% vs 1.00% \\(blue 0.00% of 26\\),"
                        + " llr -0.01, breach llr 0.00, bounds \\[-4.60, 13.82]")
                .containsPattern(
                        "latency_p99 +INSUFFICIENT_DATA +p99 20.0 ms vs 200 ms, 0 of 1 above, p-value 1.0e\\+00")
                .containsPattern("latency_p99_difference +INSUFFICIENT_DATA +green p99 20.0 - blue p99 25.0 = -5.0 ms"
                        + " vs 50 ms, U p-value 1.0e\\+00 on 0 values")
                .containsPattern("quality +NOT_APPLICABLE +0 of 0 dissimilar");
    }

    @Test
    void eachEnvironmentShowsRequestsErrorRateLatencyAndCostPer1000Requests() {
        String text = summary(parse(StatusDocuments.CANARY_STEP_1));

        assertThat(text).contains("Environments\n");
        assertThat(text).containsPattern("ROLE +NAME +REQUESTS +ERRORS +P50 MS +P99 MS +COST/1K REQ");
        assertThat(text).containsPattern("\n  blue +blue-provider +57 +0.00% +16.1 +104.6 +\\$0.0700\n");
        assertThat(text).containsPattern("\n  green +green-provider +3 +0.00% +21.9 +23.4 +\\$0.0700\n");

        List<String> table = lines(text.substring(text.indexOf("Environments")), "  ");
        assertThat(table.get(2).indexOf("green-provider"))
                .as("columns are aligned")
                .isEqualTo(table.get(1).indexOf("blue-provider"))
                .isEqualTo(table.get(0).indexOf("NAME"));
        assertThat(table.get(2))
                .endsWith(" $0.0700")
                .hasSameSizeAs(table.get(1))
                .hasSameSizeAs(table.get(0));
    }

    @Test
    void figuresTheRelayDoesNotKnowAreShownAsADashNotAsZero() {
        ObjectNode status = parse(StatusDocuments.CANARY_STEP_1);
        ObjectNode green = (ObjectNode) status.path("environments").path("green");
        green.put("error_rate", 0.025);
        ((ObjectNode) status.path("cost").path("green"))
                .put("priced_requests", 0)
                .put("cost_per_1000_requests_usd", 0.0);
        ((ObjectNode) green.path("latency_ms"))
                .put("samples", 0)
                .put("p50", 0.0)
                .put("p99", 0.0);

        assertThat(summary(status)).containsPattern("\n  green +green-provider +3 +2.50% +- +- +-\n");
    }

    @Test
    void anOlderRelayWithoutRolloutCostOrClusterSectionsStillGetsASummary() {
        ObjectNode status = parse(StatusDocuments.STABLE_90_10);
        status.remove(List.of("rollout", "cost", "shadow", "health", "overridden"));

        String text = summary(status);

        assertThat(text).contains("  Phase:          -\n").contains("  Weights:        blue 90% / green 10%\n");
        assertThat(text).containsPattern("\n  blue +blue-provider +19 +0.00% +17.6 +104.6 +-\n");
        assertThat(text).doesNotContain("Cluster").doesNotContain("Rollback");
    }

    @Test
    void anAutomaticRollbackShowsWhenWhyAndTheBreachingNumbers() {
        ObjectNode status = parse(StatusDocuments.CANARY_STEP_1);
        ObjectNode rollout = (ObjectNode) status.path("rollout");
        rollout.put("phase", "ROLLED_BACK").put("step", 0);
        rollout.set("rollback", parse(StatusDocuments.AUTOMATIC_ROLLBACK));
        ((ObjectNode) status.path("policy")).put("blue_weight", 100).put("green_weight", 0);

        String text = summary(status);

        assertThat(lines(text, "  Weights:")).containsExactly("  Weights:        blue 100% / green 0%");
        assertThat(text)
                .contains("Rollback\n")
                .contains("  At:             2026-12-04T11:49:00Z (6s ago)\n")
                .contains("  Trigger:        automatic (judge breach)\n")
                .contains("  Reason:         error_rate breached: errors 6/80 = 0.0750")
                .contains("  From:           CANARY step 2, green 20%\n")
                .contains(
                        "  Evidence:       error_rate: errors 6/80 (5xx 5, timeouts 1) = 7.50% vs 1.00% (blue 0.14% of 720),"
                                + " llr 5.10, breach llr 14.20, bounds [-4.60, 13.82]\n");
    }

    @Test
    void aManualRollbackSaysSo() {
        ObjectNode status = parse(StatusDocuments.CANARY_STEP_1);
        ObjectNode rollback = parse(StatusDocuments.AUTOMATIC_ROLLBACK);
        rollback.put("automatic", false)
                .put("reason", "manual rollback: admin rollback")
                .putNull("verdict");
        ((ObjectNode) status.path("rollout")).set("rollback", rollback);

        String text = summary(status);

        assertThat(text)
                .contains("  Trigger:        manual\n")
                .contains("  Reason:         manual rollback: admin rollback\n")
                .doesNotContain("Evidence");
    }

    @Test
    void aClusterShowsItsMembersTheLeaderVersionsLagAndWhoIsExcluded() {
        ObjectNode status = parse(StatusDocuments.CANARY_STEP_1);
        status.set("cluster", parse(StatusDocuments.CLUSTER));

        String text = summary(status);

        assertThat(text)
                .contains("Cluster\n")
                .contains("  This member:    127.0.0.1:5801 (leader)\n")
                .contains("  Connection:     connected\n")
                .contains("  Versions:       record v12, applied v12\n")
                .containsPattern("MEMBER +ROLE +APPLIED +LAG +REPORTING +LAST REPORT MS")
                .containsPattern("\n  127.0.0.1:5801 \\(this\\) +leader +v12 +0 +yes +312\n")
                .containsPattern("\n  127.0.0.1:5802 {8,} +v12 +0 +yes +540\n")
                .containsPattern("\n  127.0.0.1:5803 {8,} +v11 +1 +no \\(excluded\\) +9800\n")
                .contains("  Excluded:       127.0.0.1:5803\n");
        assertThat(lines(text, "  127.0.0.1:").stream().filter(l -> l.contains("leader")))
                .hasSize(1);
    }

    @Test
    void aMemberCutOffFromTheClusterSaysItServesTheLastAppliedPolicy() {
        ObjectNode status = parse(StatusDocuments.CANARY_STEP_1);
        ObjectNode cluster = parse(StatusDocuments.CLUSTER);
        cluster.put("member_id", "127.0.0.1:5802").put("is_leader", false).put("connected", false);
        status.set("cluster", cluster);

        String text = summary(status);

        assertThat(text)
                .contains("  This member:    127.0.0.1:5802, leader 127.0.0.1:5801\n")
                .contains("  Connection:     unreachable: serving last applied policy (v12)\n")
                .containsPattern("\n  127.0.0.1:5802 \\(this\\) +v12");
    }

    @Test
    void aSingleNodeHasNoClusterSection() {
        assertThat(summary(parse(StatusDocuments.CANARY_STEP_1))).doesNotContain("Cluster");
    }
}
