package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class LoadPhasesTest {

    @Test
    void nothingIsMeasuredBeforeTheLoadStarted() {
        LoadPhases phases = new LoadPhases(Duration.ZERO);

        assertThat(phases.started()).isFalse();
        assertThat(phases.measuring(System.nanoTime())).isFalse();
    }

    @Test
    void requestsStartedDuringTheWarmUpAreNotMeasuredAndLaterOnesAre() {
        LoadPhases phases = new LoadPhases(Duration.ofSeconds(5));
        phases.start();
        long start = phases.measureStartNanos() - Duration.ofSeconds(5).toNanos();

        assertThat(phases.measuring(start + Duration.ofSeconds(1).toNanos())).isFalse();
        assertThat(phases.measuring(start + Duration.ofSeconds(5).toNanos())).isTrue();
    }

    @Test
    void measuringCanStartLaterThanTheFixedWarmUpAfterASettleWait() {
        LoadPhases phases = new LoadPhases(Duration.ofSeconds(1));
        phases.start();
        long later = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        phases.measureFrom(later);

        assertThat(phases.measuring(later - 1)).isFalse();
        assertThat(phases.measuring(later)).isTrue();
    }

    @Test
    void aSecondStartKeepsTheFirstInstant() {
        LoadPhases phases = new LoadPhases(Duration.ofSeconds(1));
        phases.start();
        long first = phases.measureStartNanos();
        phases.start();

        assertThat(phases.measureStartNanos()).isEqualTo(first);
    }
}
