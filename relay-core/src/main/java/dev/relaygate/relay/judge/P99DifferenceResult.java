package dev.relaygate.relay.judge;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Locale;

/**
 * Green p99 minus blue p99 against {@code p99_difference_ms}.
 *
 * @param greenSamples  green latency samples in the window
 * @param blueSamples   blue latency samples in the window
 * @param greenP99Ms    green's p99
 * @param blueP99Ms     blue's p99
 * @param differenceMs  green p99 - blue p99
 * @param thresholdMs   {@code p99_difference_ms}
 * @param pValue        one-sided Mann-Whitney U p-value for "green is slower" (1 when not tested)
 * @param testedSamples values per environment the U test saw (bounded by sampling)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record P99DifferenceResult(
        CheckStatus status,
        long greenSamples,
        long blueSamples,
        double greenP99Ms,
        double blueP99Ms,
        double differenceMs,
        long thresholdMs,
        double pValue,
        int testedSamples)
        implements CheckResult {

    @Override
    public String name() {
        return P99DifferenceCheck.NAME;
    }

    @Override
    public long samples() {
        return Math.min(greenSamples, blueSamples);
    }

    @Override
    public String numbers() {
        return String.format(
                Locale.ROOT,
                "green p99 %.1f - blue p99 %.1f = %.1f ms vs %d ms, U p-value %.2e on %d values",
                greenP99Ms,
                blueP99Ms,
                differenceMs,
                thresholdMs,
                pValue,
                testedSamples);
    }
}
