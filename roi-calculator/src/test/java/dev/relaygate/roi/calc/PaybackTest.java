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
    void paybackIsNeverWhenTheHorizonDoesNotCoverTheCost() {
        RoiReport r = report(scenario("{months: 3, monthly_growth_rate: 0.0}", 31));
        // 3 months x 1000 = 3000 < 3100
        assertThat(r.paybackMonths()).isNull();
        assertThat(r.payback()).isEqualTo("never");
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
