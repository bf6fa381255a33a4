package dev.relaygate.relay.judge;

import dev.relaygate.relay.config.ValidationThreshold;
import java.util.List;
import org.apache.commons.math3.special.Beta;

/**
 * Sequential probability ratio tests on green's Bernoulli error outcomes (hand-written around
 * Commons Math's Beta functions: Commons Math has no sequential tests).
 *
 * <p>H0: p = p0, the healthy rate: blue's rate over the window when blue has {@code min_samples},
 * otherwise {@code baseline_error_rate}; floored at {@code baseline_error_rate} (a blue window with
 * no errors would make one green error infinitely damning) and capped at p1/2 (the hypotheses must
 * stay apart; if blue itself is past the threshold, green is still held to the absolute threshold).
 * p1 = {@code error_rate}.
 *
 * <p>HEALTHY is Wald's SPRT against the simple alternative p = p1: {@code llr}, summed over the whole
 * window, at or below B = ln(beta/(1-alpha)). Calling a green healthy only has to rule out p1 itself.
 *
 * <p>BREACH is a mixture SPRT against the composite alternative p &gt;= p1: the likelihood ratio
 * averaged over p uniform on [p1, 1], LR = (integral from p1 to 1 of L(p)/L(p0) dp) / (1-p1). Why
 * not the simple alternative p1: it credits each error with ln(p1/p0) however high the real rate, so
 * a green at 5% needs the same error count as one at 1.1% (at 20 green req/s: seven or more, ~8 s).
 * Why a mixture rather than the likelihood maximised over p: averaging charges a span for how
 * loosely it pins p down, which damps long high-traffic spans with a few more errors than usual
 * (where healthy rollouts raise false alarms) far more than a short burst at a clearly high rate.
 * In an error-only model of the simulated rollouts, each tuned to 0.006-0.007% false rollbacks per
 * healthy rollout, the mixture caught 60% of 5% faults within 6 s, the maximised ratio 56%. The
 * integral has a closed form in the regularized incomplete beta function I (binomial coefficients
 * cancel):
 * ln LR = ln B(k+1, n-k+1) + ln I_{1-p1}(n-k+1, k+1) - ln(1-p1) - k ln p0 - (n-k) ln(1-p0).
 *
 * <p>The mixture is taken over every span of slices that ends now (the newest slice back to each
 * older one), and {@code breachLlr} is the largest: a fault that starts mid-window is judged on its
 * own slices, so healthy history can never mask it. Only spans starting at a slice with errors need
 * the integral: leading slices without errors multiply every L(p)/L(p0) by ((1-p)/(1-p0))^n &lt; 1.
 *
 * <p>The bound is {@link #breachBound}: 2 ln(1/alpha). While green's true rate is at most p0, each
 * span's LR, grown slice by slice from a fixed start, is a non-negative supermartingale, so by
 * Ville's inequality it ever reaches 1/alpha^2 with probability at most alpha^2. The judge starts a
 * span at every slice, and the union over starts keeps that at alpha only per 1/alpha slices (about
 * 17 minutes of 1 s ticks), not per rollout (a 55-minute rollout: 0.33%). The rate per rollout is
 * measured instead, over simulated whole rollouts (RolloutSimulationTest), and is far below that.
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
        this.upper = breachBound(thresholds.alpha());
        this.lower = Math.log(BETA / (1 - thresholds.alpha()));
    }

    /** The {@code breachLlr} at or above which green breaches: 2 ln(1/alpha). */
    public static double breachBound(double alpha) {
        return -2 * Math.log(alpha);
    }

    public ErrorRateResult evaluate(Window w) {
        EnvironmentWindow green = w.green();
        EnvironmentWindow blue = w.blue();
        double p1 = t.errorRate();
        double observed = blue.requests() >= t.minSamples() ? blue.errorRate() : t.baselineErrorRate();
        double p0 = Math.min(Math.max(observed, t.baselineErrorRate()), p1 / 2);
        long successes = green.requests() - green.errors();
        double llr = green.errors() * Math.log(p1 / p0) + successes * Math.log((1 - p1) / (1 - p0));

        // The empty span (ln LR = 0) is the floor, so the figure stays finite when no span has errors.
        double breachLlr = 0;
        long breachSamples = 0;
        long breachErrors = 0;
        long n = 0;
        long k = 0;
        List<IntervalSlice> slices = w.slices();
        for (int i = slices.size() - 1; i >= 0; i--) {
            EnvironmentSlice s = slices.get(i).green();
            n += s.requests();
            k += s.errors();
            if (s.errors() > 0) {
                double span = logMixture(n, k, p0, p1);
                if (span > breachLlr) {
                    breachLlr = span;
                    breachSamples = n;
                    breachErrors = k;
                }
            }
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
        return new ErrorRateResult(
                status,
                green.requests(),
                green.errors(),
                green.causes(),
                green.errorRate(),
                blue.requests(),
                blue.errorRate(),
                p0,
                p1,
                llr,
                breachLlr,
                breachSamples,
                breachErrors,
                upper,
                lower);
    }

    /** ln LR for k errors in n requests; -Infinity when the span's rate is so far below p1 that I underflows. */
    static double logMixture(long n, long k, double p0, double p1) {
        // I_{1-p1}(n-k+1, k+1) = P(Binomial(n+1, p1) <= k), taken from this side (not 1 - the other)
        // so a tiny mass keeps its digits: Commons Math switches sides itself when that is the larger.
        double mass = Beta.regularizedBeta(1 - p1, n - k + 1.0, k + 1.0);
        return Beta.logBeta(k + 1.0, n - k + 1.0)
                + Math.log(mass)
                - Math.log1p(-p1)
                - k * Math.log(p0)
                - (n - k) * Math.log1p(-p0);
    }
}
