package dev.relaygate.relay.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.config.TrafficShiftSettings;
import dev.relaygate.relay.judge.CanaryJudge;
import dev.relaygate.relay.judge.EnvironmentSlice;
import dev.relaygate.relay.judge.ErrorCauses;
import dev.relaygate.relay.judge.IntervalSlice;
import dev.relaygate.relay.judge.JudgeMode;
import dev.relaygate.relay.judge.LatencyHistograms;
import dev.relaygate.relay.judge.Verdict;
import dev.relaygate.relay.judge.WindowBuffer;
import dev.relaygate.relay.rollout.PersistedRouting;
import dev.relaygate.relay.rollout.Phase;
import dev.relaygate.relay.rollout.RollbackEvidence;
import dev.relaygate.relay.rollout.RolloutState;
import dev.relaygate.relay.rollout.UpstreamRoles;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

final class ClusterRecordTest {

    private static final UpstreamRoles ROLES =
            UpstreamRoles.of("a", "http://127.0.0.1:1/v1", "b", "http://127.0.0.1:2/v1", false);

    static IntervalSlice slice(long second, long greenErrors) {
        return new IntervalSlice(
                second * 1000,
                (second + 1) * 1000,
                new EnvironmentSlice(200, 0, latencies(200, 80)),
                new EnvironmentSlice(40, greenErrors, latencies(40, 85)),
                0,
                0);
    }

    static Histogram latencies(long n, long ms) {
        Histogram h = LatencyHistograms.newMillis();
        h.recordValueWithCount(ms, n);
        return h;
    }

    static Verdict breach() {
        WindowBuffer buffer = new WindowBuffer();
        for (int s = 0; s < 10; s++) {
            buffer.add(slice(s, s == 9 ? 20 : 0));
        }
        TrafficShiftSettings settings = TrafficShiftSettings.defaults();
        return new CanaryJudge(settings.validationThreshold()).judge(buffer.window(0), JudgeMode.CANARY, 10_000);
    }

    static ClusterRecord record(long version, long rollbacks, RolloutState state) {
        return new ClusterRecord(
                version,
                rollbacks,
                state,
                new PersistedRouting(state.greenWeight(), "weighted", false, "rollout", 5),
                ROLES,
                "m1",
                7);
    }

    static RolloutState canary(int step) {
        return new RolloutState(Phase.CANARY, step, 10 * step, TrafficShiftSettings.defaults(), 1, 2, null);
    }

    static RolloutState rolledBack(Verdict v) {
        return new RolloutState(
                Phase.ROLLED_BACK,
                0,
                0,
                TrafficShiftSettings.defaults(),
                1,
                3,
                new RollbackEvidence(3, true, v.reason(), v, Phase.CANARY, 2, 20));
    }

    @Test
    void aRecordWithARollbackAndItsVerdictSurvivesJson() {
        Verdict v = breach();
        ClusterRecord r = record(4, 1, rolledBack(v));
        ClusterRecord back = RecordJson.read(RecordJson.write(r), ClusterRecord.class);
        assertThat(back).isEqualTo(r);
        assertThat(back.rollout().rollback().verdict().errorRate()).isEqualTo(v.errorRate());
        assertThat(back.sameContent(r)).isTrue();
    }

    @Test
    void aRollbackOneSideSawBeatsAnyAdvanceOnTheOtherWhateverTheVersions() {
        ClusterRecord rolledBack = record(3, 1, rolledBack(breach()));
        ClusterRecord advanced = record(9, 0, canary(4));
        assertThat(ClusterRecord.survivor(rolledBack, advanced)).isSameAs(rolledBack);
        assertThat(ClusterRecord.survivor(advanced, rolledBack)).isSameAs(rolledBack);
    }

    @Test
    void aResetDecidedAfterTheRollbackStillFollowsIt() {
        ClusterRecord rolledBack = record(3, 1, rolledBack(breach()));
        RolloutState restarted = canary(1);
        ClusterRecord afterReset = record(5, ClusterRecord.rollbacksAfter(rolledBack, restarted), restarted);
        assertThat(afterReset.rollbacks()).isEqualTo(1);
        assertThat(ClusterRecord.survivor(rolledBack, afterReset)).isSameAs(afterReset);
        assertThat(ClusterRecord.rollbacksAfter(afterReset, rolledBack(breach())))
                .isEqualTo(2);
        assertThat(ClusterRecord.rollbacksAfter(rolledBack, rolledBack(breach())))
                .as("staying rolled back is not another rollback")
                .isEqualTo(1);
    }

    @Test
    void otherwiseTheHigherVersionSurvivesAndATieKeepsTheExisting() {
        ClusterRecord older = record(3, 0, canary(1));
        ClusterRecord newer = record(4, 0, canary(2));
        assertThat(ClusterRecord.survivor(older, newer)).isSameAs(newer);
        assertThat(ClusterRecord.survivor(newer, older)).isSameAs(newer);
        ClusterRecord tie = record(4, 0, canary(3));
        assertThat(ClusterRecord.survivor(newer, tie)).isSameAs(newer);
        assertThat(ClusterRecord.survivor(null, tie)).isSameAs(tie);
    }

    @Test
    void reportsMergeCountsAndDistributionsNotPercentiles() {
        IntervalReport a = IntervalReport.of("m1", slice(0, 1));
        IntervalReport b = IntervalReport.of("m2", slice(0, 3));
        IntervalReport roundTripped = RecordJson.read(RecordJson.write(b), IntervalReport.class);
        IntervalSlice merged = IntervalReport.merged(List.of(a, roundTripped), 0, 0);
        assertThat(merged.green().requests()).isEqualTo(80);
        assertThat(merged.green().errors()).isEqualTo(4);
        assertThat(merged.blue().latencyMs().getTotalCount()).isEqualTo(400);
        assertThat(merged.green().latencyMs().getValueAtPercentile(99)).isEqualTo(85);
        assertThat(IntervalReport.merged(List.of(), 5, 9).green().requests()).isZero();
    }

    @Test
    void reportsCarryErrorsByCauseAndTheLeaderSumsThem() {
        IntervalSlice first = new IntervalSlice(
                0,
                1000,
                new EnvironmentSlice(200, 0, latencies(200, 80)),
                new EnvironmentSlice(40, 3, latencies(40, 85), new ErrorCauses(2, 0, 1, 0, 0)),
                0,
                0);
        IntervalSlice second = new IntervalSlice(
                0,
                1000,
                new EnvironmentSlice(200, 1, latencies(200, 80), new ErrorCauses(0, 0, 0, 1, 0)),
                new EnvironmentSlice(40, 4, latencies(40, 85), new ErrorCauses(1, 0, 0, 1, 2)),
                0,
                0);
        IntervalReport sent = RecordJson.read(RecordJson.write(IntervalReport.of("m2", second)), IntervalReport.class);

        IntervalSlice merged = IntervalReport.merged(List.of(IntervalReport.of("m1", first), sent), 0, 0);

        assertThat(merged.green().causes()).isEqualTo(new ErrorCauses(3, 0, 1, 1, 2));
        assertThat(merged.green().errors()).isEqualTo(7);
        assertThat(merged.blue().causes()).isEqualTo(new ErrorCauses(0, 0, 0, 1, 0));
    }

    @Test
    void aReportWithoutCausesFromAnOlderMemberReadsAsNotBrokenDown() {
        String json = RecordJson.write(IntervalReport.of("m1", slice(0, 2)))
                .replaceAll(",?\"errors_by_cause\":\\{[^}]*\\}", "");
        assertThat(json).doesNotContain("errors_by_cause");

        IntervalSlice read = RecordJson.read(json, IntervalReport.class).slice();

        assertThat(read.green().errors()).isEqualTo(2);
        assertThat(read.green().causes()).isEqualTo(ErrorCauses.NONE);
    }
}
