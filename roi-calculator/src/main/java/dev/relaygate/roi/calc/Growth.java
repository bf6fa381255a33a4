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
     * How far the projection is continued past its horizon to find a payback: a payback after 50 years is
     * no payback for any plan, and "never" beyond it says so.
     */
    public static final int MAX_PAYBACK_MONTHS = 600;

    /**
     * Months until cumulative savings cover {@code cost}, interpolated within the month it happens, continuing
     * the projection past the horizon up to {@link #MAX_PAYBACK_MONTHS}; NaN when savings never cover it in
     * that time. With zero growth this is cost / monthly savings.
     */
    public static double paybackMonths(double monthOneSavings, double growthRate, double cost) {
        if (cost <= 0) {
            return 0.0;
        }
        double cumulative = 0;
        for (int m = 1; m <= MAX_PAYBACK_MONTHS; m++) {
            double s = monthOneSavings * factor(growthRate, m);
            if (s > 0 && cumulative + s >= cost) {
                return (m - 1) + (cost - cumulative) / s;
            }
            cumulative += s;
        }
        return Double.NaN;
    }
}
