package dev.relaygate.relay.judge;

import dev.relaygate.relay.config.ValidationThreshold;
import java.util.Objects;

/**
 * Combines the four checks into one {@link Verdict}. Any BREACH wins (first in the order error rate,
 * p99, p99 difference, quality). Otherwise a required check that lacks samples or is still
 * inconclusive holds the step, and the verdict says which one and why; not enough data never passes.
 * Immutable and stateless: safe to share.
 */
public final class CanaryJudge {

    private final ValidationThreshold thresholds;
    private final ErrorRateSprt errorRate;
    private final P99Check p99;
    private final P99DifferenceCheck p99Difference;
    private final QualityCheck quality;

    public CanaryJudge(ValidationThreshold thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.errorRate = new ErrorRateSprt(thresholds);
        this.p99 = new P99Check(thresholds);
        this.p99Difference = new P99DifferenceCheck(thresholds);
        this.quality = new QualityCheck(thresholds);
    }

    public ValidationThreshold thresholds() {
        return thresholds;
    }

    public Verdict judge(Window w, JudgeMode mode, long nowMillis) {
        ErrorRateResult e = errorRate.evaluate(w);
        P99Result l = p99.evaluate(w);
        P99DifferenceResult d = p99Difference.evaluate(w);
        QualityResult q = quality.evaluate(w, mode == JudgeMode.SHADOW);

        CheckResult[] all = {e, l, d, q};
        for (CheckResult c : all) {
            if (c.status() == CheckStatus.BREACH) {
                return verdict(
                        nowMillis,
                        Decision.BREACH,
                        c.name(),
                        c.name() + " breached: " + describe(c),
                        mode,
                        w,
                        e,
                        l,
                        d,
                        q);
            }
        }
        for (CheckResult c : all) {
            if (required(c, mode)
                    && (c.status() == CheckStatus.INSUFFICIENT_DATA || c.status() == CheckStatus.INCONCLUSIVE)) {
                return verdict(
                        nowMillis,
                        Decision.HOLD_INSUFFICIENT_DATA,
                        null,
                        "holding: " + c.name() + " " + describe(c),
                        mode,
                        w,
                        e,
                        l,
                        d,
                        q);
            }
        }
        return verdict(nowMillis, Decision.HEALTHY, null, "all required checks healthy", mode, w, e, l, d, q);
    }

    private static boolean required(CheckResult c, JudgeMode mode) {
        return switch (mode) {
            case SHADOW -> c instanceof QualityResult;
            case CANARY -> !(c instanceof QualityResult) || c.status() != CheckStatus.NOT_APPLICABLE;
            case PROMOTED -> false;
        };
    }

    private static Verdict verdict(
            long now,
            Decision decision,
            String check,
            String reason,
            JudgeMode mode,
            Window w,
            ErrorRateResult e,
            P99Result l,
            P99DifferenceResult d,
            QualityResult q) {
        return new Verdict(now, decision, check, reason, mode, w.startMillis(), w.endMillis(), e, l, d, q);
    }

    private String describe(CheckResult c) {
        return c.status() == CheckStatus.INSUFFICIENT_DATA
                ? c.status() + " (" + c.samples() + " samples < min_samples " + thresholds.minSamples() + ")"
                : c.status() + " (" + c.numbers() + ")";
    }
}
