package dev.relaygate.relay.judge;

import org.apache.commons.math3.distribution.BinomialDistribution;

/** Upper-tail p-values of the binomial distribution (Commons Math), for exceedance-count tests. */
final class BinomialTail {

    private BinomialTail() {}

    /** P(X >= k) for X ~ Binomial(n, p); 1 when k <= 0. */
    static double atLeast(long k, long n, double p) {
        if (k <= 0) {
            return 1.0;
        }
        if (k > n) {
            return 0.0;
        }
        // Commons Math's BinomialDistribution takes an int trial count; windows are far smaller.
        int trials = (int) Math.min(n, Integer.MAX_VALUE);
        BinomialDistribution d = new BinomialDistribution(null, trials, p);
        return 1.0 - d.cumulativeProbability((int) k - 1);
    }
}
