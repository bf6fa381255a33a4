package dev.relaygate.relay.judge;

import static dev.relaygate.relay.judge.Slices.window;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.config.ValidationThreshold;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

final class P99DifferenceCheckTest {

    private final P99DifferenceCheck check = new P99DifferenceCheck(ValidationThreshold.defaults());

    private static Histogram logNormal(int n, long shiftMs, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Histogram h = LatencyHistograms.newMillis();
        for (int i = 0; i < n; i++) {
            double z = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            h.recordValue(Math.round(80 * Math.exp(0.25 * z)) + shiftMs);
        }
        return h;
    }

    private static Window windowOf(Histogram blue, Histogram green) {
        return window(List.of(new IntervalSlice(
                0,
                1000,
                new EnvironmentSlice(blue.getTotalCount(), 0, blue),
                new EnvironmentSlice(green.getTotalCount(), 0, green),
                0,
                0)));
    }

    @Test
    void breachesOnASignificantHundredMillisecondShift() {
        P99DifferenceResult r = check.evaluate(windowOf(logNormal(2000, 0, 1), logNormal(600, 100, 2)));
        assertThat(r.status()).isEqualTo(CheckStatus.BREACH);
        assertThat(r.differenceMs()).isGreaterThan(50);
        assertThat(r.pValue()).isLessThan(0.001);
        assertThat(r.testedSamples()).isEqualTo(P99DifferenceCheck.MAX_TEST_SAMPLES);
    }

    @Test
    void isHealthyWithoutRunningTheTestWhenTheDifferenceIsUnderTheThreshold() {
        P99DifferenceResult r = check.evaluate(windowOf(logNormal(2000, 0, 3), logNormal(600, 20, 4)));
        assertThat(r.status()).isEqualTo(CheckStatus.HEALTHY);
        assertThat(r.pValue()).isEqualTo(1.0);
        assertThat(r.testedSamples()).isZero();
    }

    @Test
    void isHealthyWhenAWideP99GapIsNotAShiftOfTheDistribution() {
        // Same body, green has a few extreme outliers: p99 gap is large, the U test sees no shift.
        Histogram green = logNormal(600, 0, 5);
        green.recordValueWithCount(900, 12);
        P99DifferenceResult r = check.evaluate(windowOf(logNormal(2000, 0, 6), green));
        assertThat(r.differenceMs()).isGreaterThan(50);
        assertThat(r.status()).isEqualTo(CheckStatus.HEALTHY);
        assertThat(r.pValue()).isGreaterThan(0.001);
    }

    @Test
    void holdsWhenBlueHasTooFewSamples() {
        assertThat(check.evaluate(windowOf(logNormal(40, 0, 7), logNormal(600, 100, 8)))
                        .status())
                .isEqualTo(CheckStatus.INSUFFICIENT_DATA);
    }
}
