package dev.relaygate.roi.calc;

import static dev.relaygate.roi.Fixtures.gpt41;
import static dev.relaygate.roi.Fixtures.report;
import static dev.relaygate.roi.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.relaygate.roi.report.RoiReport;
import dev.relaygate.roi.report.RoiReport.BreakdownRow;
import dev.relaygate.roi.report.RoiReport.ModelResult;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

final class CostArithmeticTest {
    private static final Offset<Double> CENT = within(1e-9);

    @Test
    void gpt41FromTheIssueCostsVolumesTimesCatalogPricesPerKind() {
        RoiReport r = report(usage("relay: {pricing: flat, flat_per_mtok: 1.00}\nmodels:\n" + gpt41("")));
        ModelResult m = r.models().get(0);
        // direct: 20 x 2.00 + 5 x 0.50 + 0 x 2.00 + 10 x 8.00 = 40 + 2.5 + 0 + 80 = 122.50
        assertThat(m.directMonthly()).isCloseTo(122.50, CENT);
        // relay: (20 + 5 + 0 + 10) Mtok x 1.00 = 35.00
        assertThat(m.relayMonthly()).isCloseTo(35.00, CENT);
        // savings: 122.50 - 35.00 = 87.50 = 71.43 % of direct
        assertThat(m.savingsMonthly()).isCloseTo(87.50, CENT);
        assertThat(m.savingsPct()).isCloseTo(100 * 87.5 / 122.5, CENT);
        assertThat(m.advice()).isEqualTo("relay");
        assertThat(m.breakdown())
                .extracting(BreakdownRow::kind, BreakdownRow::directCost, BreakdownRow::relayCost)
                .containsExactly(
                        tuple("input", 40.0, 20.0),
                        tuple("cached_input", 2.5, 5.0),
                        tuple("cache_write", 0.0, 0.0),
                        tuple("output", 80.0, 10.0));
    }

    @Test
    void cachedAndCacheWriteTokensArePricedAtTheirOwnRatesAndCountedOnce() {
        RoiReport r = report(usage("relay: {pricing: multiplier, multiplier: 1.0}\nmodels:\n"
                + "  - {model: claude-sonnet-4.5, monthly_input_mtok: 8, monthly_cached_input_mtok: 30,"
                + " monthly_cache_write_mtok: 3, monthly_output_mtok: 4}\n"));
        ModelResult m = r.models().get(0);
        // 8 x 3.00 + 30 x 0.30 + 3 x 3.75 + 4 x 15.00 = 24 + 9 + 11.25 + 60 = 104.25
        assertThat(m.directMonthly()).isCloseTo(104.25, CENT);
        // each token once: 8 + 30 + 3 + 4 = 45 (cached tokens are not also counted as input)
        assertThat(m.monthlyTokensMtok().total()).isEqualTo(45.0);
        assertThat(m.breakdown()).extracting(BreakdownRow::directPerMtok).containsExactly(3.00, 0.30, 3.75, 15.00);
        // multiplier 1.0 relays at the direct price: nothing saved, nothing lost
        assertThat(m.savingsMonthly()).isCloseTo(0.0, CENT);
    }

    @Test
    void totalsAreTheSumsOfTheModelsAndYearlyIsTwelveMonths() {
        RoiReport r = report(usage("relay: {pricing: flat, flat_per_mtok: 1.00}\nmodels:\n" + gpt41("")
                + "  - {model: deepseek-v3.2, monthly_input_mtok: 10, monthly_output_mtok: 10}\n"));
        // deepseek direct: 10 x 0.28 + 10 x 0.42 = 7.00; relay 20 x 1.00 = 20.00; savings -13.00
        assertThat(r.models().get(1).savingsMonthly()).isCloseTo(-13.00, CENT);
        assertThat(r.totals().directMonthly()).isCloseTo(122.50 + 7.00, CENT);
        assertThat(r.totals().relayMonthly()).isCloseTo(35.00 + 20.00, CENT);
        assertThat(r.totals().savingsMonthly()).isCloseTo(87.50 - 13.00, CENT);
        assertThat(r.totals().savingsYearly()).isCloseTo(12 * 74.50, CENT);
        assertThat(r.totals().monthlyTokensMtok()).isEqualTo(35.0 + 20.0);
        // following the advice keeps deepseek direct: only gpt-4.1's 87.50 is saved
        assertThat(r.totals().advisedSavingsMonthly()).isCloseTo(87.50, CENT);
    }

    @Test
    void aModelDearerThroughTheRelayHasNegativeSavingsAndDirectAdvice() {
        RoiReport r = report(usage("relay: {pricing: flat, flat_per_mtok: 1.00}\n"
                + "migration: {engineering_hours: 10, hourly_rate: 100}\nmodels:\n"
                + "  - {model: gemini-2.5-flash, monthly_input_mtok: 40, monthly_cached_input_mtok: 10,"
                + " monthly_output_mtok: 6}\n"));
        // direct: 40 x 0.30 + 10 x 0.03 + 6 x 2.50 = 12 + 0.3 + 15 = 27.30; relay 56 x 1.00 = 56.00
        ModelResult m = r.models().get(0);
        assertThat(m.savingsMonthly()).isCloseTo(27.30 - 56.00, within(1e-9));
        assertThat(m.advice()).isEqualTo("direct");
        assertThat(r.paybackMonths()).isNull();
        assertThat(r.payback()).isEqualTo("never (savings do not cover the migration cost within 600 months)");
        assertThat(r.breakEven().volumeFactor()).isNull();
        assertThat(r.projection().get(11).netOfMigration()).isCloseTo(12 * (27.30 - 56.00) - 1000.0, within(1e-9));
    }
}
