package dev.relaygate.roi.calc;

import dev.relaygate.roi.report.RoiReport.Band;
import dev.relaygate.roi.report.RoiReport.ModelResult;
import dev.relaygate.roi.report.RoiReport.Uncertainty;
import dev.relaygate.roi.usage.Scenario;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Seeded Monte Carlo over month-one savings. Per trial: one log-normal FX factor, and per model a log-normal
 * volume factor and a log-normal direct-price factor, each with mean 1 and the configured coefficient of
 * variation. Growth is deterministic, so horizon savings = month-one savings x the horizon factor, and payback
 * falls as savings rise: the P10 payback is the payback of the P90 savings. One array of doubles per run.
 */
public final class MonteCarlo {
    private MonteCarlo() {}

    public static Uncertainty run(CostModel model, Scenario scenario) {
        Scenario.Uncertainty u = scenario.uncertainty();
        double[] savings = monthOneSavings(model, u);
        Percentile percentile = new Percentile();
        percentile.setData(savings);
        double s10 = percentile.evaluate(10);
        double s50 = percentile.evaluate(50);
        double s90 = percentile.evaluate(90);
        double horizon = Growth.horizonFactor(scenario.monthlyGrowthRate(), scenario.months());
        Band horizonBand = new Band(s10 * horizon, s50 * horizon, s90 * horizon);
        Band paybackBand = new Band(payback(s90, scenario), payback(s50, scenario), payback(s10, scenario));
        return new Uncertainty(u.trials(), u.seed(), u.volumeCv(), u.priceCv(), u.fxCv(), horizonBand, paybackBand);
    }

    /** Month-one total savings of every trial, in trial order (same seed, same array). */
    public static double[] monthOneSavings(CostModel model, Scenario.Uncertainty u) {
        return monthOneSavings(model, u, ALL_MODELS);
    }

    private static final int ALL_MODELS = -1;

    /** Month-one savings of one model ({@code only}), or of all of them, over the same seeded draws. */
    static double[] monthOneSavings(CostModel model, Scenario.Uncertainty u, int only) {
        RandomGenerator rng = new Well19937c(u.seed());
        Factor volume = Factor.of(rng, u.volumeCv());
        Factor price = Factor.of(rng, u.priceCv());
        Factor fx = Factor.of(rng, model.usesFx() ? u.fxCv() : 0.0);
        double[] out = new double[u.trials()];
        int n = model.size();
        for (int t = 0; t < out.length; t++) {
            double fxRatio = 1.0 / fx.sample(); // a higher CNY_per_USD makes fx_credit cheaper
            double sum = 0;
            for (int m = 0; m < n; m++) {
                // every model's draws are taken, kept or not, so each trial sees the same numbers
                double saved = model.savings(m, volume.sample(), price.sample(), 1.0, fxRatio);
                if (only == ALL_MODELS || only == m) {
                    sum += saved;
                }
            }
            out[t] = sum;
        }
        return out;
    }

    private static Double payback(double monthOneSavings, Scenario scenario) {
        double months = Growth.paybackMonths(monthOneSavings, scenario.monthlyGrowthRate(), scenario.migrationCost());
        return Double.isNaN(months) ? null : months;
    }

    /**
     * The models with their own P10/P50/P90 of month-one savings. Each model replays the run's seeded draws
     * and keeps only its own term, so a model's band comes from the very trials the total's band does, and
     * memory stays one array of doubles whatever the trial count.
     */
    public static List<ModelResult> withSavingsBands(List<ModelResult> models, CostModel model, Scenario scenario) {
        List<ModelResult> banded = new ArrayList<>(models.size());
        Percentile percentile = new Percentile();
        for (int i = 0; i < models.size(); i++) {
            percentile.setData(monthOneSavings(model, scenario.uncertainty(), i));
            ModelResult m = models.get(i);
            banded.add(m.withSavingsMonthlyBand(
                    new Band(percentile.evaluate(10), percentile.evaluate(50), percentile.evaluate(90))));
        }
        return banded;
    }

    /** A mean-one log-normal multiplier; cv 0 is the constant 1 (Commons Math needs a positive shape). */
    private record Factor(LogNormalDistribution distribution) {
        static Factor of(RandomGenerator rng, double cv) {
            if (cv == 0) {
                return new Factor(null);
            }
            double sigma2 = Math.log1p(cv * cv); // Var = (e^s2 - 1) e^(2mu+s2), mean e^(mu+s2/2) = 1
            return new Factor(new LogNormalDistribution(rng, -sigma2 / 2, Math.sqrt(sigma2)));
        }

        double sample() {
            return distribution == null ? 1.0 : distribution.sample();
        }
    }
}
