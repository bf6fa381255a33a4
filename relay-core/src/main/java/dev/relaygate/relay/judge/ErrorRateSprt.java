package dev.relaygate.relay.judge;

import java.util.List;

/**
 * Wald's sequential probability ratio test on green's Bernoulli error outcomes (hand-written:
 * Commons Math has none).
 *
 * <p>H0: p = p0, the healthy rate: blue's rate over the window when blue has {@code min_samples},
 * otherwise {@code baseline_error_rate}; floored at {@code baseline_error_rate} (a blue window with
 * no errors would make one green error infinitely damning) and capped at p1/2 (the hypotheses must
 * stay apart; if blue itself is past the threshold, green is still held to the absolute threshold).
 * H1: p = p1 = {@code error_rate}. Bounds from alpha = 1 - confidence (false rollbacks) and
 * {@link #BETA} (false "healthy"): A = ln((1-beta)/alpha), B = ln(beta/(1-alpha)).
 *
 * <p>Each interval of the window adds e ln(p1/p0) + (n-e) ln((1-p1)/(1-p0)). Two walks over the
 * same increments, oldest interval first:
 * <ul>
 *   <li>{@code llr}, Wald's plain sum from 0: at or below B the window is evidence of health;
 *   <li>{@code breachLlr}, started at -A and never allowed below -A (Page's CUSUM form of the SPRT;
 *       -A is Wald's lower bound of the symmetric test, beta = alpha): at or above A it is a breach.
 *       Starting and reflecting there means healthy history can never be banked against a fault
 *       that starts mid-window, while a breach always needs 2A of fresh evidence. Why 2A and not
 *       A - B: the judge looks once per tick over a whole rollout (~270,000 green requests at the
 *       seed's settings), so the walk's false-alarm rate per request matters; with the span A - B
 *       (11.5) simulated healthy rollouts rolled back ~0.3% of the time, with 2A (13.8) under 0.1%,
 *       for about one more second of detection delay.
 * </ul>
 */
public final class ErrorRateSprt {

    public static final String NAME = "error_rate";

    /**
     * Probability of calling a green at p1 healthy. A wrong "healthy" only lets a step advance, and
     * the judge keeps watching the next step, so beta can be looser than alpha: at 0.01 a window
     * of ~510 clean requests at p0 = 0.001 is enough to advance (beta = alpha would need ~760).
     */
    public static final double BETA = 0.01;

    private final ValidationThreshold t;
    private final double upper;
    private final double lower;

    public ErrorRateSprt(ValidationThreshold thresholds) {
        this.t = thresholds;
        double alpha = thresholds.alpha();
        this.upper = Math.log((1 - BETA) / alpha);
        this.lower = Math.log(BETA / (1 - alpha));
    }

    public ErrorRateResult evaluate(Window w) {
        EnvironmentWindow green = w.green();
        EnvironmentWindow blue = w.blue();
        double p1 = t.errorRate();
        double observed = blue.requests() >= t.minSamples() ? blue.errorRate() : t.baselineErrorRate();
        double p0 = Math.min(Math.max(observed, t.baselineErrorRate()), p1 / 2);
        double perError = Math.log(p1 / p0);
        double perSuccess = Math.log((1 - p1) / (1 - p0));

        double llr = 0;
        double breachLlr = -upper;
        List<IntervalSlice> slices = w.slices();
        for (IntervalSlice s : slices) {
            long n = s.green().requests();
            long e = s.green().errors();
            double step = e * perError + (n - e) * perSuccess;
            llr += step;
            breachLlr = Math.max(-upper, breachLlr + step);
        }
        CheckStatus status;
        if (green.requests() < t.minSamples()) {
            status = CheckStatus.INSUFFICIENT_DATA;
        } else if (breachLlr >= upper) {
            status = CheckStatus.BREACH;
        } else if (llr <= lower) {
            status = CheckStatus.HEALTHY;
        } else {
            status = CheckStatus.INCONCLUSIVE;
        }
        return new ErrorRateResult(status, green.requests(), green.errors(), green.errorRate(),
                blue.requests(), blue.errorRate(), p0, p1, llr, breachLlr, upper, lower);
    }
}
