package dev.relaygate.relay.judge;

import static dev.relaygate.relay.judge.Slices.slice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.config.ValidationThreshold;
import org.junit.jupiter.api.Test;

final class WindowBufferTest {

    @Test
    void sumsOnlyTheSlicesAtOrAfterTheCutoff() {
        WindowBuffer b = new WindowBuffer();
        for (int s = 0; s < 40; s++) {
            b.add(slice(s, 10, 1, 50, 2, s == 0 ? 2 : 0, s < 10 ? 500 : 100));
        }
        // now = 40 s, window 30 s: slices starting at 10..39 remain.
        Window w = b.window(10_000);
        assertThat(w.slices()).hasSize(30);
        assertThat(w.green().requests()).isEqualTo(60);
        assertThat(w.green().errors()).isZero();
        assertThat(w.blue().requests()).isEqualTo(300);
        assertThat(w.blue().errors()).isEqualTo(30);
        assertThat(w.green().p99Ms()).isEqualTo(100.0);
        assertThat(w.startMillis()).isEqualTo(10_000);
        assertThat(w.endMillis()).isEqualTo(40_000);
    }

    @Test
    void startsAtTheStepStartWhenTheStepIsYoungerThanTheWindow() {
        WindowBuffer b = new WindowBuffer();
        for (int s = 0; s < 30; s++) {
            b.add(slice(s, 10, 0, 50, 10, 0, 50));
        }
        Window w = b.window(Math.max(30_000 - 30_000, 25_000));
        assertThat(w.slices()).hasSize(5);
        assertThat(w.green().requests()).isEqualTo(50);
    }

    @Test
    void windowsAreImmutableSnapshots() {
        WindowBuffer b = new WindowBuffer();
        b.add(slice(0, 10, 0, 50, 10, 0, 50));
        Window first = b.window(0);
        b.add(slice(1, 10, 0, 50, 10, 0, 900));
        b.window(1000);
        assertThat(first.green().latencySamples()).isEqualTo(10);
        assertThat(first.green().p99Ms()).isEqualTo(50.0);
    }

    @Test
    void errorsByCauseJoinAndLeaveWithTheirSlices() {
        WindowBuffer b = new WindowBuffer();
        b.add(withGreenCauses(Slices.slice(0, 10, 0, 50, 10, 3, 50), new ErrorCauses(2, 0, 1, 0, 0)));
        b.add(withGreenCauses(Slices.slice(1, 10, 0, 50, 10, 1, 50), new ErrorCauses(0, 0, 0, 0, 1)));

        assertThat(b.window(0).green().causes()).isEqualTo(new ErrorCauses(2, 0, 1, 0, 1));
        Window later = b.window(1_000);
        assertThat(later.green().causes()).isEqualTo(new ErrorCauses(0, 0, 0, 0, 1));
        assertThat(new ErrorRateSprt(ValidationThreshold.defaults())
                        .evaluate(later)
                        .errorsByCause())
                .isEqualTo(new ErrorCauses(0, 0, 0, 0, 1));
    }

    private static IntervalSlice withGreenCauses(IntervalSlice s, ErrorCauses causes) {
        EnvironmentSlice g = s.green();
        return new IntervalSlice(
                s.startMillis(),
                s.endMillis(),
                s.blue(),
                new EnvironmentSlice(g.requests(), g.errors(), g.latencyMs(), causes),
                s.shadowCompared(),
                s.shadowDissimilar());
    }

    @Test
    void anEmptyWindowHasNoSamples() {
        Window w = new WindowBuffer().window(5_000);
        assertThat(w.green().requests()).isZero();
        assertThat(w.green().p99Ms()).isZero();
        assertThat(w.durationMillis()).isZero();
    }
}
