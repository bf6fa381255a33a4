package dev.relaygate.roi.pricing;

import static dev.relaygate.roi.Fixtures.usage;
import static dev.relaygate.roi.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.relaygate.roi.Fixtures;
import dev.relaygate.roi.calc.RoiCalculator;
import dev.relaygate.roi.report.RoiReport;
import dev.relaygate.roi.report.RoiReport.BreakdownRow;
import dev.relaygate.roi.usage.UsageLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class LiteLlmScenarioTest {

    @Test
    void anImportedModelWithoutCacheRatesBillsCachedTokensAtItsInputPrice() throws Exception {
        Path fixture = Path.of(
                LiteLlmScenarioTest.class.getResource("/litellm-fixture.json").toURI());
        PriceCatalog catalog = PriceCatalog.bundled().overlay(LiteLlmImporter.read(fixture));
        Path file = write(usage("relay: {pricing: flat, flat_per_mtok: 0.1}\nmodels:\n"
                + "  - {model: acme-tiny, monthly_input_mtok: 100, monthly_cached_input_mtok: 50,"
                + " monthly_output_mtok: 10}\n"));
        RoiReport r = RoiCalculator.calculate(UsageLoader.load(file, catalog), Fixtures.NOW);
        // 100 x 0.10 + 50 x 0.10 (no cache rate: input price) + 10 x 0.40 = 10 + 5 + 4 = 19.00
        assertThat(r.models().get(0).directMonthly()).isCloseTo(19.0, within(1e-9));
        assertThat(r.models().get(0).breakdown())
                .extracting(BreakdownRow::directRule)
                .element(1)
                .isEqualTo("catalog acme-tiny input_per_mtok (no separate cached_input rate)");
        assertThat(r.models().get(0).provider()).isEqualTo("acme");
    }
}
