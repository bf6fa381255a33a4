package dev.relaygate.relay.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.exchange.Outcome;
import dev.relaygate.relay.time.Clock;
import org.junit.jupiter.api.Test;

final class EnvironmentMetricsTest {

    private final EnvironmentMetrics metrics = new EnvironmentMetrics(Environment.GREEN, Clock.system());

    @Test
    void classifiesOutcomesSoOnlyUpstreamFaultsCountAsErrors() {
        metrics.recordOutcome(Outcome.RESPONSE, 200, 1_000, 500);
        metrics.recordOutcome(Outcome.RESPONSE, 400, 1_000, 500);
        metrics.recordOutcome(Outcome.RESPONSE, 429, 1_000, 500);
        metrics.recordOutcome(Outcome.RESPONSE, 503, 1_000, 500);
        metrics.recordOutcome(Outcome.TIMEOUT, 0, 60_000_000, -1);
        metrics.recordOutcome(Outcome.UPSTREAM_ERROR, 0, 2_000, -1);
        metrics.recordOutcome(Outcome.ABORTED_STREAM, 200, 9_000, 400);
        metrics.recordOutcome(Outcome.CLIENT_CANCELLED, 200, 9_000, 400);

        Counts c = metrics.counts();
        assertThat(c.requests()).isEqualTo(8);
        assertThat(c.status2xx()).isEqualTo(3);
        assertThat(c.status4xx()).isEqualTo(2);
        assertThat(c.status429()).isEqualTo(1);
        assertThat(c.status5xx()).isEqualTo(1);
        assertThat(c.timeouts()).isEqualTo(1);
        assertThat(c.upstreamErrors()).isEqualTo(1);
        assertThat(c.abortedStreams()).isEqualTo(1);
        assertThat(c.clientCancelled()).isEqualTo(1);
        assertThat(c.errors(false)).isEqualTo(4);
        assertThat(c.errors(true)).isEqualTo(5);
        assertThat(c.errorRate(false)).isEqualTo(4.0 / 7.0);
    }

    @Test
    void takeIntervalResetsOnlyTheIntervalNotTheAccumulatedView() {
        for (int i = 1; i <= 100; i++) {
            metrics.recordOutcome(Outcome.RESPONSE, 200, i * 1_000L, i * 100L);
        }
        IntervalSnapshot first = metrics.takeInterval();
        assertThat(first.counts().requests()).isEqualTo(100);
        assertThat(first.latencyMicros().getTotalCount()).isEqualTo(100);
        assertThat(first.latency().p50Micros()).isBetween(49_000L, 51_000L);

        metrics.recordOutcome(Outcome.RESPONSE, 500, 7_000, 100);
        IntervalSnapshot second = metrics.takeInterval();
        assertThat(second.counts().requests()).isEqualTo(1);
        assertThat(second.counts().status5xx()).isEqualTo(1);
        assertThat(second.latencyMicros().getTotalCount()).isEqualTo(1);

        MetricsSnapshot total = metrics.accumulated();
        assertThat(total.counts().requests()).isEqualTo(101);
        assertThat(total.latency().samples()).isEqualTo(101);
        assertThat(total.latency().p99Micros()).isBetween(98_000L, 100_500L);
    }

    @Test
    void readingAccumulatedMetricsDoesNotStealTheControllersInterval() {
        metrics.recordOutcome(Outcome.RESPONSE, 200, 5_000, 1_000);
        metrics.accumulated();
        metrics.accumulated();
        IntervalSnapshot interval = metrics.takeInterval();
        assertThat(interval.latencyMicros().getTotalCount()).isEqualTo(1);
        assertThat(interval.ttfbMicros().getTotalCount()).isEqualTo(1);
    }

    @Test
    void clampsLatenciesBeyondTheTrackableRange() {
        metrics.recordOutcome(Outcome.RESPONSE, 200, Long.MAX_VALUE, -1);
        assertThat(metrics.accumulated().latency().maxMicros())
                .isGreaterThanOrEqualTo(EnvironmentMetrics.HIGHEST_MICROS);
    }
}
