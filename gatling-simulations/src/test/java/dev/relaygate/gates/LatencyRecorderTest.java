package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class LatencyRecorderTest {

    @Test
    void percentilesAreReportedInMillisecondsWithMicrosecondResolution() {
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 1; i <= 1000; i++) {
            r.recordMicros(i * 10L);
        }

        assertThat(r.percentilesMs().get("p50")).isCloseTo(5.0, within(0.01));
        assertThat(r.percentilesMs().get("p99")).isCloseTo(9.9, within(0.01));
        assertThat(r.percentilesUs().get("max")).isCloseTo(10000.0, within(10.0));
    }

    @Test
    void readingTwiceLosesNothingBecauseIntervalsAreAccumulated() {
        LatencyRecorder r = new LatencyRecorder();
        r.recordMillis(5);
        assertThat(r.count()).isEqualTo(1);
        r.recordMillis(7);

        assertThat(r.count()).isEqualTo(2);
    }

    @Test
    void resetDropsTheWarmUp() {
        LatencyRecorder r = new LatencyRecorder();
        r.recordMillis(900);
        r.reset();
        r.recordMillis(3);

        assertThat(r.percentilesMs().get("max")).isCloseTo(3.0, within(0.01));
    }

    @Test
    void addingOneRecorderToAnotherPoolsTheirValues() {
        LatencyRecorder block = new LatencyRecorder();
        block.recordMillis(4);
        LatencyRecorder total = new LatencyRecorder();
        total.recordMillis(2);
        total.add(block);

        assertThat(total.count()).isEqualTo(2);
        assertThat(total.percentilesMs().get("max")).isCloseTo(4.0, within(0.01));
    }

    @Test
    void nothingRecordedGivesNoPercentilesRatherThanZeros() {
        assertThat(new LatencyRecorder().percentilesMs()).isEmpty();
    }

    @Test
    void concurrentWritersAreAllCounted() throws Exception {
        LatencyRecorder r = new LatencyRecorder();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 10_000; i++) {
                    r.recordMicros(100);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(r.count()).isEqualTo(40_000);
    }
}
