package dev.relaygate.roi.calc;

import static dev.relaygate.roi.Fixtures.gpt41;
import static dev.relaygate.roi.Fixtures.report;
import static dev.relaygate.roi.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.relaygate.roi.report.RoiReport;
import dev.relaygate.roi.report.RoiReport.SensitivityRow;
import org.junit.jupiter.api.Test;

final class SensitivityTest {
    private static final RoiReport REPORT = report(
            usage("projection: {months: 10}\n" + "relay: {pricing: flat, flat_per_mtok: 1.00}\nmodels:\n" + gpt41("")));

    private static SensitivityRow row(String prefix) {
        return REPORT.sensitivity().stream()
                .filter(r -> r.input().startsWith(prefix))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void eachInputMovesTwentyPercentWithTheOthersHeldAtBase() {
        // base: savings 87.50 x 10 months = 875
        SensitivityRow volume = row("volume gpt-4.1");
        assertThat(volume.low()).isCloseTo(28.0, within(1e-9));
        assertThat(volume.high()).isCloseTo(42.0, within(1e-9));
        assertThat(volume.horizonSavingsLow()).isCloseTo(0.8 * 875, within(1e-9));
        // direct prices x0.8: (0.8 x 122.50 - 35) x 10 = 630
        assertThat(row("direct prices").horizonSavingsLow()).isCloseTo(630.0, within(1e-9));
        // relay prices x1.2: (122.50 - 1.2 x 35) x 10 = 805
        assertThat(row("relay prices").horizonSavingsHigh()).isCloseTo(805.0, within(1e-9));
    }

    @Test
    void rowsAreSortedWidestSwingFirstAndFxAppearsOnlyWhenFxPricesSomething() {
        assertThat(REPORT.sensitivity())
                .extracting(SensitivityRow::swing)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(REPORT.sensitivity()).extracting(SensitivityRow::input).noneMatch(i -> i.startsWith("fx"));
        RoiReport fx = report(usage("relay: {pricing: fx_credit, cny_per_usd_of_credit: 1.0}\nmodels:\n" + gpt41("")));
        assertThat(fx.sensitivity()).extracting(SensitivityRow::input).contains("fx CNY_per_USD");
    }
}
