package dev.relaygate.relay.judge;

import dev.relaygate.relay.config.ValidationThreshold;

/**
 * Response quality from shadow comparisons: the share of green answers whose text similarity to
 * blue's fell below {@code min_similarity}, against {@code max_dissimilar_share}. Like
 * {@link P99Check}, a breach needs the observed share above the limit and the binomial upper-tail
 * p-value (true share at the limit) below alpha.
 */
public final class QualityCheck {

    public static final String NAME = "quality";

    private final ValidationThreshold t;

    public QualityCheck(ValidationThreshold thresholds) {
        this.t = thresholds;
    }

    /**
     * @param required whether comparisons are expected (shadow mode); otherwise an empty window is
     *                 {@link CheckStatus#NOT_APPLICABLE} rather than a reason to hold
     */
    public QualityResult evaluate(Window w, boolean required) {
        long n = w.shadowCompared();
        long k = w.shadowDissimilar();
        double share = n == 0 ? 0.0 : (double) k / n;
        double p = BinomialTail.atLeast(k, n, t.maxDissimilarShare());
        CheckStatus status;
        if (n == 0 && !required) {
            status = CheckStatus.NOT_APPLICABLE;
        } else if (n < t.minSamples()) {
            status = CheckStatus.INSUFFICIENT_DATA;
        } else if (share > t.maxDissimilarShare() && p < t.alpha()) {
            status = CheckStatus.BREACH;
        } else {
            status = CheckStatus.HEALTHY;
        }
        return new QualityResult(status, n, k, share, t.maxDissimilarShare(), p);
    }
}
