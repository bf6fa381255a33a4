package dev.relaygate.relay.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.exchange.Outcome;
import dev.relaygate.relay.judge.IntervalSlice;
import dev.relaygate.relay.metrics.RelayMetrics;
import dev.relaygate.relay.shadow.ShadowComparison;
import dev.relaygate.relay.shadow.ShadowSummary;
import org.junit.jupiter.api.Test;

final class MetricsIntervalSourceTest {

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final RelayMetrics metrics = new RelayMetrics(clock);
    private final ShadowSummary shadow = new ShadowSummary();
    private final MetricsIntervalSource source = new MetricsIntervalSource(metrics, shadow);

    @Test
    void countsGreensErrorsTheWayTheJudgeDefinesThem() {
        metrics.green().recordOutcome(Outcome.RESPONSE, 200, 80_000, 10_000);
        metrics.green().recordOutcome(Outcome.RESPONSE, 503, 20_000, 5_000);
        metrics.green().recordOutcome(Outcome.RESPONSE, 429, 5_000, 5_000);
        metrics.green().recordOutcome(Outcome.RESPONSE, 400, 5_000, 5_000);
        metrics.green().recordOutcome(Outcome.TIMEOUT, 0, 30_000_000, -1);
        metrics.green().recordOutcome(Outcome.CLIENT_CANCELLED, 0, 1_000, -1);
        clock.advanceMillis(1000);

        IntervalSlice s = source.take(true);
        // 6 requests, one cancelled by the client: 5 judged; 503 + 429 + timeout are errors, 400 is not.
        assertThat(s.green().requests()).isEqualTo(5);
        assertThat(s.green().errors()).isEqualTo(3);
        assertThat(s.green().latencyMs().getTotalCount()).isEqualTo(5);
        assertThat(s.green().latencyMs().getValueAtPercentile(20)).isEqualTo(5);
        assertThat(s.blue().requests()).isZero();
    }

    @Test
    void leavesOut429sWhenTheyDoNotCount() {
        metrics.green().recordOutcome(Outcome.RESPONSE, 429, 5_000, 5_000);
        assertThat(source.take(false).green().errors()).isZero();
    }

    @Test
    void eachTakeReturnsOnlyWhatHappenedSinceThePreviousOne() {
        metrics.blue().recordOutcome(Outcome.RESPONSE, 200, 50_000, 1_000);
        shadow.record(new ShadowComparison(true, true, 1, 0.5, false, false));
        IntervalSlice first = source.take(true);
        shadow.record(new ShadowComparison(true, true, 1, 0.99, true, true));
        IntervalSlice second = source.take(true);
        assertThat(first.blue().requests()).isEqualTo(1);
        assertThat(first.shadowCompared()).isEqualTo(1);
        assertThat(first.shadowDissimilar()).isEqualTo(1);
        assertThat(second.blue().requests()).isZero();
        assertThat(second.shadowCompared()).isEqualTo(1);
        assertThat(second.shadowDissimilar()).isZero();
    }
}
