package dev.relaygate.roi.calc;

import static dev.relaygate.roi.Fixtures.gpt41;
import static dev.relaygate.roi.Fixtures.report;
import static dev.relaygate.roi.Fixtures.scenario;
import static dev.relaygate.roi.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.relaygate.roi.report.RoiReport;
import dev.relaygate.roi.usage.Scenario;
import org.junit.jupiter.api.Test;

final class MonteCarloTest {
    private static String file(String uncertainty) {
        return usage("projection: {months: 12, monthly_growth_rate: 0.02}\n"
                + "migration: {engineering_hours: 2, hourly_rate: 100}\n"
                + "relay: {pricing: fx_credit, cny_per_usd_of_credit: 1.0}\nmodels:\n" + gpt41("")
                + "  - {model: claude-sonnet-4.5, monthly_input_mtok: 8, monthly_cached_input_mtok: 30,"
                + " monthly_output_mtok: 4}\nuncertainty: " + uncertainty + "\n");
    }

    @Test
    void theSameSeedGivesTheSameTrialsAndBands() {
        Scenario s = scenario(file("{volume_cv: 0.3, price_cv: 0.1, fx_cv: 0.05, trials: 5000, seed: 7}"));
        CostModel model = new CostModel(s);
        assertThat(MonteCarlo.monthOneSavings(model, s.uncertainty()))
                .containsExactly(MonteCarlo.monthOneSavings(model, s.uncertainty()));
        assertThat(MonteCarlo.run(model, s)).isEqualTo(MonteCarlo.run(model, s));
    }

    @Test
    void aDifferentSeedGivesDifferentTrials() {
        Scenario a = scenario(file("{volume_cv: 0.3, trials: 1000, seed: 1}"));
        Scenario b = scenario(file("{volume_cv: 0.3, trials: 1000, seed: 2}"));
        assertThat(MonteCarlo.monthOneSavings(new CostModel(a), a.uncertainty()))
                .isNotEqualTo(MonteCarlo.monthOneSavings(new CostModel(b), b.uncertainty()));
    }

    @Test
    void bandsBracketTheDeterministicResult() {
        RoiReport r = report(file("{volume_cv: 0.2, price_cv: 0.05, fx_cv: 0.05, trials: 20000, seed: 42}"));
        RoiReport.Band savings = r.uncertainty().horizonSavings();
        assertThat(savings.p10()).isLessThan(r.totals().horizonSavings());
        assertThat(savings.p90()).isGreaterThan(r.totals().horizonSavings());
        assertThat(savings.p10()).isLessThan(savings.p50()).isLessThan(savings.p90());
        RoiReport.Band payback = r.uncertainty().paybackMonths();
        assertThat(payback.p10()).isLessThan(r.paybackMonths());
        assertThat(payback.p90()).isGreaterThan(r.paybackMonths());
    }

    @Test
    void eachModelHasItsOwnBandFromTheSameTrialsAsTheTotal() {
        String yaml = file("{volume_cv: 0.3, price_cv: 0.1, fx_cv: 0.05, trials: 5000, seed: 7}");
        RoiReport r = report(yaml);
        Scenario s = scenario(yaml);
        CostModel model = new CostModel(s);
        double[] total = MonteCarlo.monthOneSavings(model, s.uncertainty());
        double[] first = MonteCarlo.monthOneSavings(model, s.uncertainty(), 0);
        double[] second = MonteCarlo.monthOneSavings(model, s.uncertainty(), 1);
        // trial by trial, the models' savings add up to the total's: the same draws, split by model
        for (int t = 0; t < total.length; t++) {
            assertThat(first[t] + second[t]).isCloseTo(total[t], within(1e-9));
        }
        for (RoiReport.ModelResult m : r.models()) {
            RoiReport.Band band = m.savingsMonthlyBand();
            assertThat(band.p10()).as(m.model()).isLessThan(m.savingsMonthly());
            assertThat(band.p90()).as(m.model()).isGreaterThan(m.savingsMonthly());
        }
        // the models' P90s together exceed the total's P90: their highs do not all come in the same trial
        assertThat(r.models().get(0).savingsMonthlyBand().p90()
                        + r.models().get(1).savingsMonthlyBand().p90())
                .isGreaterThan(r.uncertainty().horizonSavings().p90()
                        / r.totals().horizonSavings()
                        * r.totals().savingsMonthly());
        assertThat(report(yaml).models()).isEqualTo(r.models());
    }

    @Test
    void withNoVariationEveryPercentileIsTheDeterministicResult() {
        RoiReport r = report(file("{volume_cv: 0.0, price_cv: 0.0, fx_cv: 0.0, trials: 100, seed: 3}"));
        double horizon = r.totals().horizonSavings();
        assertThat(r.uncertainty().horizonSavings().p10()).isCloseTo(horizon, within(1e-9));
        assertThat(r.uncertainty().horizonSavings().p90()).isCloseTo(horizon, within(1e-9));
        assertThat(r.uncertainty().paybackMonths().p50()).isCloseTo(r.paybackMonths(), within(1e-9));
    }

    @Test
    void volumeFactorsHaveMeanOneAndTheRequestedSpread() {
        // one model, flat relay price 0, so savings = direct cost x volume factor
        Scenario s = scenario(usage("relay: {pricing: flat, flat_per_mtok: 0}\nmodels:\n" + gpt41("")
                + "uncertainty: {volume_cv: 0.5, trials: 200000, seed: 11}\n"));
        double[] trials = MonteCarlo.monthOneSavings(new CostModel(s), s.uncertainty());
        org.apache.commons.math3.stat.descriptive.SummaryStatistics stats =
                new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        for (double t : trials) {
            stats.addValue(t / 122.50);
        }
        assertThat(stats.getMean()).isCloseTo(1.0, within(0.01));
        assertThat(stats.getStandardDeviation()).isCloseTo(0.5, within(0.02));
        assertThat(stats.getMin()).isPositive();
    }
}
