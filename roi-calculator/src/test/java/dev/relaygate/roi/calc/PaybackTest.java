package dev.relaygate.roi.calc;

import static dev.relaygate.roi.Fixtures.report;
import static dev.relaygate.roi.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.relaygate.roi.report.RoiReport;
import dev.relaygate.roi.report.RoiReport.ProjectionMonth;
import org.junit.jupiter.api.Test;

final class PaybackTest {
    // one custom model, 1000 Mtok of input a month: direct 1000 x 2.50 = 2500, flat relay 1000 x 1.50 = 1500,
    // so month-one savings are exactly 1000
    private static String scenario(String projection, double hours) {
        return usage("projection: " + projection + "\nmigration: {engineering_hours: " + hours
                + ", hourly_rate: 100}\nrelay: {pricing: flat, flat_per_mtok: 1.50}\nuncertainty: {volume_cv: 0.0,"
                + " fx_cv: 0.0, trials: 100}\nmodels:\n  - model: custom\n    monthly_input_mtok: 1000\n"
                + "    monthly_output_mtok: 0\n    direct_prices: {input_per_mtok: 2.50}\n");
    }

    @Test
    void withZeroGrowthPaybackIsMigrationCostOverMonthlySavings() {
        RoiReport r = report(scenario("{months: 12, monthly_growth_rate: 0.0}", 45));
        // cost 45 h x 100 = 4500; 4500 / 1000 = 4.5 months
        assertThat(r.migration().cost()).isEqualTo(4500.0);
        assertThat(r.paybackMonths()).isCloseTo(4.5, within(1e-12));
        assertThat(r.payback()).isEqualTo("4.5 months");
        assertThat(r.totals().horizonSavings()).isCloseTo(12_000.0, within(1e-9));
    }

    @Test
    void growthCompoundsMonthlyAndPaybackIsInterpolatedWithinTheMonth() {
        RoiReport r = report(scenario("{months: 3, monthly_growth_rate: 0.10}", 25));
        // month 1: 1000 (cum 1000), month 2: 1100 (cum 2100), month 3: 1210 (cum 3310)
        assertThat(r.projection())
                .extracting(ProjectionMonth::savings)
                .satisfiesExactly(
                        s -> assertThat(s).isCloseTo(1000.0, within(1e-9)),
                        s -> assertThat(s).isCloseTo(1100.0, within(1e-9)),
                        s -> assertThat(s).isCloseTo(1210.0, within(1e-9)));
        assertThat(r.projection().get(2).direct()).isCloseTo(2500 * 1.21, within(1e-9));
        assertThat(r.projection().get(2).cumulativeSavings()).isCloseTo(3310.0, within(1e-9));
        assertThat(r.totals().horizonSavings()).isCloseTo(3310.0, within(1e-9));
        // cost 2500: 2100 after month 2, the remaining 400 of month 3's 1210 -> 2 + 400/1210 = 2.3306
        assertThat(r.paybackMonths()).isCloseTo(2 + 400.0 / 1210.0, within(1e-12));
        assertThat(r.projection().get(2).netOfMigration()).isCloseTo(3310.0 - 2500.0, within(1e-9));
    }

    @Test
    void aPaybackBeyondTheHorizonIsComputedAndSaysSo() {
        RoiReport r = report(scenario("{months: 12, monthly_growth_rate: 0.0}", 247));
        // cost 247 h x 100 = 24,700 at 1000 a month: 24.7 months, past the 12-month projection
        assertThat(r.paybackMonths()).isCloseTo(24.7, within(1e-9));
        assertThat(r.payback()).isEqualTo("24.7 months (beyond the 12-month horizon)");
        assertThat(r.projection()).hasSize(12);
    }

    @Test
    void aPaybackBeyondTheHorizonKeepsCompoundingTheGrowth() {
        RoiReport r = report(scenario("{months: 3, monthly_growth_rate: 0.10}", 40));
        // 1000 + 1100 + 1210 = 3310 by month 3; month 4 saves 1331; the cost 4000 needs 690 of it:
        // 3 + 690 / 1331 = 3.5184
        assertThat(r.paybackMonths()).isCloseTo(3 + 690.0 / 1331.0, within(1e-12));
        assertThat(r.payback()).isEqualTo("3.5 months (beyond the 3-month horizon)");
    }

    @Test
    void paybackIsNeverOnlyWhenSavingsDoNotCoverTheCostWithin600Months() {
        // 1000 a month for 600 months is 600,000 < 700,000
        RoiReport r = report(scenario("{months: 12, monthly_growth_rate: 0.0}", 7000));
        assertThat(r.paybackMonths()).isNull();
        assertThat(r.payback()).isEqualTo("never (savings do not cover the migration cost within 600 months)");
        // 599,000 after 599 months, the last 1000 in month 600: exactly at the limit it still pays back
        assertThat(report(scenario("{months: 12, monthly_growth_rate: 0.0}", 6000))
                        .paybackMonths())
                .isCloseTo(600.0, within(1e-9));
    }

    @Test
    void yearlyFiguresAreTheFirstTwelveMonthsWithGrowthNotTwelveTimesMonthOne() {
        RoiReport r = report(scenario("{months: 3, monthly_growth_rate: 0.10}", 10));
        // 1000 x (1.1^12 - 1) / 0.1 = 21,384.28 saved; direct 2500 and relay 1500 a month grow the same way
        double year = (Math.pow(1.1, 12) - 1) / 0.1;
        assertThat(r.totals().savingsYearly()).isCloseTo(1000 * year, within(1e-6));
        assertThat(r.totals().savingsYearly()).isCloseTo(21_384.28, within(0.01));
        assertThat(r.totals().directYearly()).isCloseTo(2500 * year, within(1e-6));
        assertThat(r.totals().relayYearly()).isCloseTo(1500 * year, within(1e-6));
    }

    @Test
    void breakEvenIsTheVolumeFactorAtWhichHorizonSavingsEqualTheCost() {
        RoiReport r = report(scenario("{months: 3, monthly_growth_rate: 0.0}", 60));
        // horizon savings 3000 at today's volume; cost 6000 -> factor 2.0, i.e. 2000 Mtok per month
        assertThat(r.breakEven().volumeFactor()).isCloseTo(2.0, within(1e-12));
        assertThat(r.breakEven().monthlyMtok()).isCloseTo(2000.0, within(1e-9));
    }

    @Test
    void noMigrationCostPaysBackImmediately() {
        RoiReport r = report(scenario("{months: 12}", 0));
        assertThat(r.paybackMonths()).isZero();
        assertThat(r.breakEven().volumeFactor()).isZero();
    }
}
