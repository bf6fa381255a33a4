package dev.relaygate.relay.judge;

import static dev.relaygate.relay.judge.Slices.slice;
import static dev.relaygate.relay.judge.Slices.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ErrorRateSprtTest {

    private final ErrorRateSprt sprt = new ErrorRateSprt(ValidationThreshold.defaults());

    @Test
    void holdsWithFewerThanMinSamples() {
        ErrorRateResult r = sprt.evaluate(window(List.of(slice(0, 1000, 0, 80, 99, 0, 80))));
        assertThat(r.status()).isEqualTo(CheckStatus.INSUFFICIENT_DATA);
        assertThat(r.samples()).isEqualTo(99);
    }

    @Test
    void callsACleanFullWindowHealthy() {
        List<IntervalSlice> slices = new ArrayList<>();
        for (int s = 0; s < 30; s++) {
            slices.add(slice(s, 1000, 1, 80, 20, 0, 80));
        }
        ErrorRateResult r = sprt.evaluate(window(slices));
        assertThat(r.status()).isEqualTo(CheckStatus.HEALTHY);
        assertThat(r.llr()).isLessThanOrEqualTo(r.lowerBound());
    }

    @Test
    void breachesWhenGreenErrorsFarExceedTheThreshold() {
        ErrorRateResult r = sprt.evaluate(window(List.of(slice(0, 1000, 1, 80, 200, 10, 80))));
        assertThat(r.status()).isEqualTo(CheckStatus.BREACH);
        assertThat(r.breachLlr()).isGreaterThanOrEqualTo(r.upperBound());
        assertThat(r.errorRate()).isEqualTo(0.05);
    }

    @Test
    void staysInconclusiveWhenTheEvidenceIsBetweenTheBounds() {
        // 2 errors in 200: above p0 = 0.001, below p1 = 0.01, and too few samples to decide.
        ErrorRateResult r = sprt.evaluate(window(List.of(slice(0, 1000, 1, 80, 200, 2, 80))));
        assertThat(r.status()).isEqualTo(CheckStatus.INCONCLUSIVE);
        assertThat(r.llr()).isBetween(r.lowerBound(), r.upperBound());
    }

    @Test
    void derivesItsBoundsFromConfidenceAndBeta() {
        ErrorRateResult r = sprt.evaluate(window(List.of(slice(0, 0, 0, 80, 0, 0, 80))));
        assertThat(r.upperBound()).isCloseTo(Math.log((1 - ErrorRateSprt.BETA) / 0.001), within(1e-9));
        assertThat(r.lowerBound()).isCloseTo(Math.log(ErrorRateSprt.BETA / 0.999), within(1e-9));
    }

    @Test
    void usesBluesRateAsTheBaselineWhenBlueHasEnoughSamples() {
        ErrorRateResult r = sprt.evaluate(window(List.of(slice(0, 1000, 3, 80, 100, 0, 80))));
        assertThat(r.p0()).isEqualTo(0.003);
        assertThat(r.blueErrorRate()).isEqualTo(0.003);
    }

    @Test
    void floorsTheBaselineAtBaselineErrorRateWhenBlueHasNoErrorsOrTooFewSamples() {
        assertThat(sprt.evaluate(window(List.of(slice(0, 1000, 0, 80, 100, 0, 80)))).p0()).isEqualTo(0.001);
        assertThat(sprt.evaluate(window(List.of(slice(0, 50, 40, 80, 100, 0, 80)))).p0()).isEqualTo(0.001);
    }

    @Test
    void capsTheBaselineAtHalfTheThresholdWhenBlueItselfIsFailing() {
        ErrorRateResult r = sprt.evaluate(window(List.of(slice(0, 1000, 200, 80, 100, 0, 80))));
        assertThat(r.p0()).isEqualTo(0.005);
    }

    @Test
    void healthyHistoryCannotMaskAFaultThatStartsMidWindow() {
        List<IntervalSlice> slices = new ArrayList<>();
        for (int s = 0; s < 25; s++) {
            slices.add(slice(s, 1000, 1, 80, 100, 0, 80));
        }
        for (int s = 25; s < 30; s++) {
            slices.add(slice(s, 1000, 1, 80, 20, 2, 80));
        }
        ErrorRateResult r = sprt.evaluate(window(slices));
        // The whole-window LLR still looks harmless; the reflected walk sees the fresh errors.
        assertThat(r.llr()).isLessThan(r.upperBound());
        assertThat(r.status()).isEqualTo(CheckStatus.BREACH);
    }
}
