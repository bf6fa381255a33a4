package dev.relaygate.relay.judge;

import dev.relaygate.relay.config.ValidationThreshold;

/**
 * Green's p99 latency against {@code latency_p99_ms}, as an exceedance-count test: if green's true
 * p99 were at the threshold, the number of samples above it would be Binomial(n, 0.01). A breach
 * needs the observed p99 above the threshold and that upper-tail p-value below alpha, so a single
 * slow request in a thin window cannot roll back a canary.
 */
public final class P99Check {

    public static final String NAME = "latency_p99";
    private static final double TAIL = 0.01;

    private final ValidationThreshold t;

    public P99Check(ValidationThreshold thresholds) {
        this.t = thresholds;
    }

    public P99Result evaluate(Window w) {
        EnvironmentWindow green = w.green();
        long n = green.latencySamples();
        double p99 = green.p99Ms();
        long above = LatencyHistograms.countAbove(green.latencyMs(), t.latencyP99Ms());
        double p = BinomialTail.atLeast(above, n, TAIL);
        CheckStatus status;
        if (n < t.minSamples()) {
            status = CheckStatus.INSUFFICIENT_DATA;
        } else if (p99 > t.latencyP99Ms() && p < t.alpha()) {
            status = CheckStatus.BREACH;
        } else {
            status = CheckStatus.HEALTHY;
        }
        return new P99Result(status, n, p99, t.latencyP99Ms(), above, p);
    }
}
