package dev.relaygate.relay.judge;

import static dev.relaygate.relay.judge.Slices.slice;
import static dev.relaygate.relay.judge.Slices.window;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.relaygate.relay.config.ValidationThreshold;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        assertThat(r.upperBound()).isCloseTo(2 * Math.log(1 / 0.001), within(1e-9));
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
        assertThat(sprt.evaluate(window(List.of(slice(0, 1000, 0, 80, 100, 0, 80))))
                        .p0())
                .isEqualTo(0.001);
        assertThat(sprt.evaluate(window(List.of(slice(0, 50, 40, 80, 100, 0, 80))))
                        .p0())
                .isEqualTo(0.001);
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
        // The whole-window LLR still looks harmless; the span of the last five slices sees the fresh errors.
        assertThat(r.llr()).isLessThan(r.upperBound());
        assertThat(r.status()).isEqualTo(CheckStatus.BREACH);
        assertThat(r.breachErrors()).isEqualTo(10);
        assertThat(r.breachSamples()).isEqualTo(100);
    }

    /** A full window of the first 10% step at 200 req/s, its last {@code faultySeconds} with one green error each. */
    private static List<IntervalSlice> firstStepWithOneErrorPerSecond(int faultySeconds) {
        List<IntervalSlice> slices = new ArrayList<>();
        for (int s = 0; s < 30; s++) {
            slices.add(slice(s, 180, 0, 80, 20, s >= 30 - faultySeconds ? 1 : 0, 80));
        }
        return slices;
    }

    @Test
    void breachesOnSixErrorsInSixSecondsAtTwentyGreenRequestsPerSecond() {
        // 5% of 20 req/s: one error a second. A test built for p1 = 1% alone needs more than six errors
        // (6 ln(p1/p0) + 114 ln((1-p1)/(1-p0)) = 12.8 < 13.8); the mixture credits the rate the span shows.
        ErrorRateResult six = sprt.evaluate(window(firstStepWithOneErrorPerSecond(6)));
        assertThat(six.status()).isEqualTo(CheckStatus.BREACH);
        assertThat(six.breachErrors()).isEqualTo(6);
        assertThat(six.breachSamples()).isEqualTo(120);
        assertThat(six.breachLlr()).isCloseTo(14.76, within(0.01));

        ErrorRateResult five = sprt.evaluate(window(firstStepWithOneErrorPerSecond(5)));
        assertThat(five.status()).isEqualTo(CheckStatus.INCONCLUSIVE);
        assertThat(five.breachLlr()).isCloseTo(11.89, within(0.01)).isLessThan(five.upperBound());
    }

    @ParameterizedTest
    @CsvSource({"120, 6, 0.001", "40, 2, 0.001", "600, 6, 0.001", "400, 8, 0.0015", "6000, 30, 0.001"})
    void theClosedFormIsTheUniformMixtureOverRatesFromTheThresholdUp(long n, long k, double p0) {
        double p1 = ValidationThreshold.DEFAULT_ERROR_RATE;
        double integral = new IterativeLegendreGaussIntegrator(32, 1e-12, 1e-14)
                .integrate(
                        1_000_000, p -> Math.exp(k * Math.log(p / p0) + (n - k) * Math.log((1 - p) / (1 - p0))), p1, 1);
        assertThat(ErrorRateSprt.logMixture(n, k, p0, p1)).isCloseTo(Math.log(integral / (1 - p1)), within(1e-6));
    }

    @Test
    void reportsAnEmptySpanWhenGreenHasNoErrors() {
        ErrorRateResult r = sprt.evaluate(window(firstStepWithOneErrorPerSecond(0)));
        assertThat(r.breachLlr()).isZero();
        assertThat(r.breachSamples()).isZero();
        assertThat(r.breachErrors()).isZero();
    }

    @Test
    void staysFiniteAndCalmOnAHugeWindowBelowTheThreshold() {
        // 0.3% of 100,000 is far below 1%: P(Binomial(100001, 1%) <= 300) is ~1e-148 and must keep its digits
        // (as 1 minus the upper tail it would round to 0 or to noise that could pass for evidence).
        ErrorRateResult r = sprt.evaluate(window(List.of(slice(0, 100_000, 100, 80, 100_000, 300, 80))));
        assertThat(r.breachLlr()).isZero();
        assertThat(r.status()).isNotEqualTo(CheckStatus.BREACH);
        assertThat(ErrorRateSprt.logMixture(100_000, 300, 0.001, 0.01)).isCloseTo(-222.65, within(0.01));
    }
}
