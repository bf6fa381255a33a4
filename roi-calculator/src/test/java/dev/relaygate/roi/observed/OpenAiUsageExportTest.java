package dev.relaygate.roi.observed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.relaygate.roi.RoiInputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Monthly volumes from a saved OpenAI usage export (two daily buckets, grouped by model). */
final class OpenAiUsageExportTest {

    static Path fixture() throws URISyntaxException {
        return Path.of(OpenAiUsageExportTest.class
                .getResource("/observed/openai-usage.json")
                .toURI());
    }

    @Test
    void twoDaysOfBucketsScaleFifteenTimesToAMonthWithCachedTokensTakenOutOfInput() throws Exception {
        ObservedUsage u = OpenAiUsageExport.read(fixture()).requireProjectable();

        assertThat(u.first()).isEqualTo(Instant.parse("2025-12-01T00:00:00Z"));
        assertThat(u.last()).isEqualTo(Instant.parse("2025-12-03T00:00:00Z"));
        assertThat(u.monthScale()).isCloseTo(15.0, within(1e-12));
        // gpt-4.1: input (5,000,000 - 2,000,000) + (3,000,000 - 1,000,000) = 5 M uncached, 3 M cached, 1.5 M out
        assertThat(u.models().get("gpt-4.1"))
                .isEqualTo(new ObservedUsage.Volumes(6000, 0, 5_000_000, 3_000_000, 1_500_000));
        assertThat(u.monthlyMtok(5_000_000)).isCloseTo(75.0, within(1e-9));
        assertThat(u.monthlyMtok(3_000_000)).isCloseTo(45.0, within(1e-9));
        assertThat(u.monthlyMtok(1_500_000)).isCloseTo(22.5, within(1e-9));
        assertThat(u.models().get("gpt-4.1-mini")).isEqualTo(new ObservedUsage.Volumes(900, 0, 800_000, 0, 200_000));
        assertThat(u.warnings()).isEmpty();
    }

    @Test
    void anExportNotGroupedByModelIsRefusedNamingTheBucket(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("usage.json");
        Files.writeString(
                file,
                "{\"data\": [{\"start_time\": 0, \"end_time\": 86400, \"results\": [{\"input_tokens\": 1,"
                        + " \"output_tokens\": 1, \"model\": null}]}], \"has_more\": false}");

        assertThatThrownBy(() -> OpenAiUsageExport.read(file))
                .isInstanceOf(RoiInputException.class)
                .hasMessageContaining(
                        "page 0 bucket 0 has a result without a model; export the usage grouped by model");
    }

    @Test
    void anIncompleteExportIsReadWithAWarning(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("usage.json");
        Files.writeString(
                file,
                "[{\"data\": [{\"start_time\": 0, \"end_time\": 86400, \"results\": [{\"input_tokens\": 10,"
                        + " \"output_tokens\": 1, \"model\": \"gpt-4.1\"}]}], \"has_more\": true, \"next_page\": \"p2\"}]");

        ObservedUsage u = OpenAiUsageExport.read(file);

        assertThat(u.warnings()).singleElement().asString().contains("has_more: true, so the export is incomplete");
        assertThat(ObservedText.summary(u)).contains("warning: page 0 says has_more: true");
    }
}
