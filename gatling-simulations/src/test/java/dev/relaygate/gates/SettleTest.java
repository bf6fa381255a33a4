package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class SettleTest {

    private static ObservationLog recent(int count, long latencyMs, long now) {
        ObservationLog log = new ObservationLog();
        for (int i = 0; i < count; i++) {
            log.record(new Observation(now - Duration.ofMillis(2_000).toNanos() + i, 200, "blue", latencyMs, false));
        }
        return log;
    }

    @Test
    void fastRecentRequestsMeanTheLoadHasSettled() {
        long now = System.nanoTime();

        assertThat(Settle.settled(recent(100, 8, now), 100, now)).isTrue();
    }

    @Test
    void aQueueOfSlowRequestsMeansItHasNot() {
        long now = System.nanoTime();

        assertThat(Settle.settled(recent(100, 900, now), 100, now)).isFalse();
    }

    @Test
    void tooFewRequestsToJudgeMeansItHasNot() {
        long now = System.nanoTime();

        assertThat(Settle.settled(recent(5, 8, now), 100, now)).isFalse();
    }
}
