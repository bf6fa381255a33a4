package dev.relaygate.roi.calc;

/**
 * Compound growth of monthly volumes: month m (1-based) carries volumes x (1+g)^(m-1), so month one is the
 * usage file's volumes. Savings scale the same way because every price rule is linear in volume.
 */
public final class Growth {
    private Growth() {}

    /** (1+g)^(m-1) for month m. */
    public static double factor(double growthRate, int month) {
        return Math.pow(1.0 + growthRate, month - 1);
    }

    /** Sum of the monthly factors over months 1..horizon (horizon savings = month-one savings x this). */
    public static double horizonFactor(double growthRate, int horizon) {
        double sum = 0;
        for (int m = 1; m <= horizon; m++) {
            sum += factor(growthRate, m);
        }
        return sum;
    }

    /**
     * Months until cumulative savings cover {@code cost}, interpolated within the month it happens, or NaN
     * when the horizon never covers it. With zero growth this is cost / monthly savings.
     */
    public static double paybackMonths(double monthOneSavings, double growthRate, int horizon, double cost) {
        if (cost <= 0) {
            return 0.0;
        }
        double cumulative = 0;
        for (int m = 1; m <= horizon; m++) {
            double s = monthOneSavings * factor(growthRate, m);
            if (s > 0 && cumulative + s >= cost) {
                return (m - 1) + (cost - cumulative) / s;
            }
            cumulative += s;
        }
        return Double.NaN;
    }
}
