package dev.relaygate.roi.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaygate.roi.RoiInputException;
import dev.relaygate.roi.pricing.PriceCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class UsageFormatsTest {

    @Test
    void aJsonUsageFileReadsLikeTheYamlOne(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("usage.json");
        Files.writeString(
                json,
                "{\"version\":1,\"relay\":{\"pricing\":\"multiplier\",\"multiplier\":0.5},"
                        + "\"models\":[{\"model\":\"gpt-4.1\",\"monthly_input_mtok\":20,\"monthly_output_mtok\":10}]}");
        Scenario s = UsageLoader.load(json, PriceCatalog.bundled());
        assertThat(s.models())
                .singleElement()
                .satisfies(m -> assertThat(m.kinds().get(0).mtok()).isEqualTo(20.0));
        assertThat(s.relayPricing().multiplier()).isEqualTo(0.5);
    }

    @Test
    void aJsonUsageFileRejectsUnknownFieldsByName(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("usage.json");
        Files.writeString(
                json,
                "{\"version\":1,\"relay\":{\"pricing\":\"flat\",\"flat_per_mtok\":1},"
                        + "\"models\":[{\"model\":\"gpt-4.1\",\"monthly_input_mtok\":20,\"monthly_output_mtok\":10,"
                        + "\"monthly_outptu_mtok\":3}]}");
        assertThatThrownBy(() -> UsageLoader.load(json, PriceCatalog.bundled()))
                .isInstanceOf(RoiInputException.class)
                .hasMessageContaining("unknown field 'monthly_outptu_mtok' in models[0]");
    }

    @Test
    void omittedOptionalSectionsTakeTheDocumentedDefaults(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("usage.yaml");
        Files.writeString(
                yaml,
                "version: 1\nrelay: {pricing: flat, flat_per_mtok: 1}\n"
                        + "models:\n  - {model: gpt-4.1, monthly_input_mtok: 1, monthly_output_mtok: 1}\n");
        Scenario s = UsageLoader.load(yaml, PriceCatalog.bundled());
        assertThat(s.months()).isEqualTo(12);
        assertThat(s.monthlyGrowthRate()).isZero();
        assertThat(s.migrationCost()).isZero();
        assertThat(s.hasFx()).isFalse();
        assertThat(s.uncertainty()).isEqualTo(new Scenario.Uncertainty(0.20, 0.0, 0.05, 10_000, 42L));
    }
}
