package dev.relaygate.roi.report;

import static dev.relaygate.roi.Fixtures.gpt41;
import static dev.relaygate.roi.Fixtures.report;
import static dev.relaygate.roi.Fixtures.usage;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class JsonFormatTest {

    @Test
    void roiJsonReadsBackIntoTheSameReport() {
        // 87.50 saved a month against 1,000,000: not within 600 months
        RoiReport original = report(usage("migration: {engineering_hours: 10000, hourly_rate: 100}\n"
                + "relay: {pricing: flat, flat_per_mtok: 1.00}\nmodels:\n" + gpt41("")));
        RoiReport read = JsonFormat.read(JsonFormat.write(original));
        assertThat(read).usingRecursiveComparison().isEqualTo(original);
        // never paying back is an explicit null, not a missing field
        assertThat(JsonFormat.write(original))
                .contains(
                        "\"payback_months\" : null",
                        "\"payback\" : \"never (savings do not cover the migration cost within 600 months)\"",
                        "\"savings_monthly_band\"");
    }
}
