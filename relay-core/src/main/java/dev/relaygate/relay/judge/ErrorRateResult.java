package dev.relaygate.relay.judge;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Locale;

/**
 * The error-rate SPRT's numbers for one window.
 *
 * @param samples        green's judged requests in the window
 * @param errors         green's errors in the window
 * @param errorRate      errors / samples
 * @param blueSamples    blue's judged requests in the window
 * @param blueErrorRate  blue's observed error rate in the window
 * @param p0             H0 (healthy) error rate used: blue's rate or baseline_error_rate, floored and capped
 * @param p1             H1 error rate: the {@code error_rate} threshold
 * @param llr            Wald's log-likelihood ratio ln(L1/L0) over the whole window (decides HEALTHY)
 * @param breachLlr      the same increments as a walk started at -upperBound and kept from going below it (decides BREACH)
 * @param upperBound     ln((1-beta)/alpha): breachLlr at or above it is a breach
 * @param lowerBound     ln(beta/(1-alpha)): llr at or below it is healthy
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ErrorRateResult(
        CheckStatus status,
        long samples,
        long errors,
        double errorRate,
        long blueSamples,
        double blueErrorRate,
        double p0,
        double p1,
        double llr,
        double breachLlr,
        double upperBound,
        double lowerBound) implements CheckResult {

    @Override
    public String name() {
        return ErrorRateSprt.NAME;
    }

    @Override
    public String numbers() {
        return String.format(Locale.ROOT,
                "errors %d/%d = %.4f, p0 %.4f, p1 %.4f, llr %.2f, breach llr %.2f, bounds [%.2f, %.2f]",
                errors, samples, errorRate, p0, p1, llr, breachLlr, lowerBound, upperBound);
    }
}
