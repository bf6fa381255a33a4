package dev.relaygate.roi.calc;

import static dev.relaygate.roi.Fixtures.gpt41;
import static dev.relaygate.roi.Fixtures.report;
import static dev.relaygate.roi.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.relaygate.roi.report.RoiReport;
import dev.relaygate.roi.report.RoiReport.BreakdownRow;
import dev.relaygate.roi.report.RoiReport.ModelResult;
import org.junit.jupiter.api.Test;

final class RelayPricingTest {

    private static ModelResult only(String relay, String extra) {
        return report(usage(relay + "\nmodels:\n" + gpt41(extra))).models().get(0);
    }

    @Test
    void flatPricingChargesOnePricePerMtokForEveryKind() {
        ModelResult m = only("relay: {pricing: flat, flat_per_mtok: 0.80}", "");
        // (20 + 5 + 0 + 10) x 0.80 = 28.00
        assertThat(m.relayMonthly()).isCloseTo(28.00, within(1e-9));
        assertThat(m.pricingRules())
                .containsOnlyKeys("input", "cached_input", "cache_write", "output")
                .allSatisfy((kind, rule) -> assertThat(rule).isEqualTo("flat 0.8 USD per Mtok"));
    }

    @Test
    void multiplierPricingScalesEachDirectPrice() {
        ModelResult m = only("relay: {pricing: multiplier, multiplier: 0.137}", "");
        // 0.137 x (20 x 2.00 + 5 x 0.50 + 10 x 8.00) = 0.137 x 122.50 = 16.7825
        assertThat(m.relayMonthly()).isCloseTo(16.7825, within(1e-9));
        assertThat(m.breakdown())
                .extracting(BreakdownRow::relayPerMtok)
                .containsExactly(0.137 * 2.00, 0.137 * 0.50, 0.137 * 2.00, 0.137 * 8.00);
        assertThat(m.pricingRules().get("output")).isEqualTo("multiplier 0.137 x direct");
    }

    @Test
    void fxCreditPaysCreditCnyConvertedAtTheFxRate() {
        RoiReport r = report(usage("relay: {pricing: fx_credit, cny_per_usd_of_credit: 1.0}\nmodels:\n" + gpt41("")));
        // 1 CNY buys 1 USD of usage; 1 CNY costs 1 / 7.30 USD: relay = 122.50 / 7.30 = 16.7808219...
        assertThat(r.models().get(0).relayMonthly()).isCloseTo(122.50 / 7.30, within(1e-9));
        assertThat(r.relayPricing().effectiveRatio()).isCloseTo(1 / 7.30, within(1e-12));
        assertThat(r.models().get(0).pricingRules().get("input"))
                .isEqualTo("fx_credit 1 CNY per USD of credit / 7.3 CNY_per_USD = 0.136986 x direct");
    }

    @Test
    void aKindMissingFromRelayPricesFallsBackToTheRelayModelAndTheRuleSaysSo() {
        ModelResult m =
                only("relay: {pricing: multiplier, multiplier: 0.137}", "    relay_prices: {output_per_mtok: 2.00}\n");
        // input and cached fall back to the multiplier: 0.137 x (40 + 2.5) = 5.8225; output 10 x 2.00 = 20
        assertThat(m.relayMonthly()).isCloseTo(5.8225 + 20.0, within(1e-9));
        assertThat(m.pricingRules())
                .containsEntry("input", "multiplier 0.137 x direct")
                .containsEntry("cached_input", "multiplier 0.137 x direct")
                .containsEntry("cache_write", "multiplier 0.137 x direct")
                .containsEntry("output", "relay_prices.output_per_mtok 2 USD per Mtok");
    }

    @Test
    void relayPricesOverrideFlatPricingPerKind() {
        ModelResult m = only(
                "relay: {pricing: flat, flat_per_mtok: 1.00}",
                "    relay_prices: {input_per_mtok: 0.50, cached_input_per_mtok: 0.10}\n");
        // 20 x 0.50 + 5 x 0.10 + 0 x 1.00 + 10 x 1.00 = 10 + 0.5 + 0 + 10 = 20.50
        assertThat(m.relayMonthly()).isCloseTo(20.50, within(1e-9));
        assertThat(m.pricingRules().get("cache_write")).isEqualTo("flat 1 USD per Mtok");
    }

    @Test
    void directPricesOverrideTheCatalogPerKindAndTheBreakdownNamesTheSource() {
        ModelResult m =
                only("relay: {pricing: flat, flat_per_mtok: 1.00}", "    direct_prices: {output_per_mtok: 10.00}\n");
        // 20 x 2.00 (catalog) + 5 x 0.50 (catalog) + 10 x 10.00 (override) = 142.50
        assertThat(m.directMonthly()).isCloseTo(142.50, within(1e-9));
        assertThat(m.breakdown())
                .extracting(BreakdownRow::directRule)
                .containsExactly(
                        "catalog gpt-4.1 input_per_mtok", "catalog gpt-4.1 cached_input_per_mtok",
                        "catalog gpt-4.1 cache_write_per_mtok", "direct_prices.output_per_mtok");
    }

    @Test
    void aModelOutsideTheCatalogIsPricedFromItsDirectPrices() {
        RoiReport r = report(usage("relay: {pricing: flat, flat_per_mtok: 1.00}\nmodels:\n"
                + "  - model: in-house-70b\n    monthly_input_mtok: 10\n    monthly_output_mtok: 5\n"
                + "    direct_prices: {input_per_mtok: 0.90, output_per_mtok: 0.90}\n"));
        ModelResult m = r.models().get(0);
        // 15 x 0.90 = 13.50 direct, 15 x 1.00 = 15.00 relay
        assertThat(m.directMonthly()).isCloseTo(13.50, within(1e-9));
        assertThat(m.relayMonthly()).isCloseTo(15.00, within(1e-9));
        assertThat(m.provider()).isEqualTo("custom");
        assertThat(m.priceSource().url()).isEqualTo("usage file direct_prices");
    }
}
