package dev.relaygate.relay.judge;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Locale;

/**
 * Green p99 against {@code latency_p99_ms}.
 *
 * @param samples     green latency samples in the window
 * @param p99Ms       green's observed p99
 * @param thresholdMs {@code latency_p99_ms}
 * @param above       samples above the threshold
 * @param pValue      P(at least {@code above} exceedances | true p99 = threshold): Binomial(samples, 0.01) upper tail
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record P99Result(CheckStatus status, long samples, double p99Ms, long thresholdMs, long above, double pValue)
        implements CheckResult {

    @Override
    public String name() {
        return P99Check.NAME;
    }

    @Override
    public String numbers() {
        return String.format(
                Locale.ROOT,
                "p99 %.1f ms vs %d ms, %d of %d above, p-value %.2e",
                p99Ms,
                thresholdMs,
                above,
                samples,
                pValue);
    }
}
