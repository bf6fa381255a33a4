package dev.relaygate.relay.judge;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Locale;

/**
 * The error-rate tests' numbers for one window (see {@link ErrorRateSprt}).
 *
 * @param samples        green's judged requests in the window
 * @param errors         green's errors in the window
 * @param errorsByCause  those errors by cause (all 0 where the window's slices did not break them down)
 * @param errorRate      errors / samples
 * @param blueSamples    blue's judged requests in the window
 * @param blueErrorRate  blue's observed error rate in the window
 * @param p0             H0 (healthy) error rate used: blue's rate or baseline_error_rate, floored and capped
 * @param p1             H1 error rate: the {@code error_rate} threshold
 * @param llr            Wald's log-likelihood ratio ln(L(p1)/L(p0)) over the whole window (decides HEALTHY)
 * @param breachLlr      the largest ln of the mixture likelihood ratio (p uniform on [p1, 1] against p0) over the
 *                       spans of slices ending now; 0 when no span has errors (decides BREACH)
 * @param breachSamples  green's requests in that span (0 when none)
 * @param breachErrors   green's errors in that span
 * @param upperBound     2 ln(1/alpha): breachLlr at or above it is a breach
 * @param lowerBound     ln(beta/(1-alpha)): llr at or below it is healthy
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ErrorRateResult(
        CheckStatus status,
        long samples,
        long errors,
        ErrorCauses errorsByCause,
        double errorRate,
        long blueSamples,
        double blueErrorRate,
        double p0,
        double p1,
        double llr,
        double breachLlr,
        long breachSamples,
        long breachErrors,
        double upperBound,
        double lowerBound)
        implements CheckResult {

    @Override
    public String name() {
        return ErrorRateSprt.NAME;
    }

    @Override
    public String numbers() {
        return String.format(
                Locale.ROOT,
                "errors %d/%d = %.4f, p0 %.4f, p1 %.4f, llr %.2f, breach llr %.2f (span errors %d/%d),"
                        + " bounds [%.2f, %.2f]",
                errors,
                samples,
                errorRate,
                p0,
                p1,
                llr,
                breachLlr,
                breachErrors,
                breachSamples,
                lowerBound,
                upperBound);
    }
}
