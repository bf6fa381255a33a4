package dev.relaygate.roi.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class PriceCatalogTest {
    private static final PriceCatalog BUNDLED = PriceCatalog.bundled();

    @ParameterizedTest
    @ValueSource(strings = {"gpt-4.1", "claude-sonnet-4.5", "gemini-2.5-flash", "deepseek-v3.2"})
    void theBundledCatalogPricesEveryRequiredModelWithProviderSourceAndDate(String model) {
        CatalogEntry entry = BUNDLED.find(model).orElseThrow();
        assertThat(entry.provider()).isNotBlank();
        assertThat(entry.sourceUrl()).startsWith("https://");
        assertThat(LocalDate.parse(entry.asOf())).isBefore(LocalDate.of(2026, 12, 31));
        for (TokenKind kind : TokenKind.values()) {
            assertThat(entry.prices().get(kind))
                    .as(kind.name())
                    .hasValueSatisfying(p -> assertThat(p).isPositive());
        }
        // cache reads are never dearer than uncached input
        assertThat(entry.cachedInputPerMtok()).isLessThanOrEqualTo(entry.inputPerMtok());
    }

    @ParameterizedTest
    @CsvSource({
        "claude-sonnet-4-5, claude-sonnet-4.5",
        "deepseek-chat, deepseek-v3.2",
        "GPT-4.1, gpt-4.1",
        "openai/gpt-4.1, gpt-4.1",
        "deepseek-v3.2-exp, deepseek-v3.2"
    })
    void aliasesAndCaseResolveToTheCanonicalEntry(String alias, String canonical) {
        assertThat(BUNDLED.find(alias)).get().extracting(CatalogEntry::model).isEqualTo(canonical);
    }

    @Test
    void anOverlayReplacesAnEntryAndItsAliases() {
        CatalogEntry cheaper = new CatalogEntry(
                "gpt-4.1",
                "openai",
                List.of("my-gpt"),
                1.0,
                0.25,
                1.0,
                4.0,
                "https://example.test/prices",
                "2026-01-01",
                null);
        PriceCatalog overlaid = BUNDLED.overlay(List.of(cheaper));
        assertThat(overlaid.find("gpt-4.1")).contains(cheaper);
        assertThat(overlaid.find("my-gpt")).contains(cheaper);
        assertThat(overlaid.find("gpt-4.1-2025-04-14")).isEmpty();
        assertThat(overlaid.size()).isEqualTo(BUNDLED.size());
    }

    @Test
    void liteLlmPerTokenPricesBecomeExactPerMillionPrices() throws Exception {
        Path fixture = Path.of(
                PriceCatalogTest.class.getResource("/litellm-fixture.json").toURI());
        List<CatalogEntry> entries = LiteLlmImporter.read(fixture);
        // sample_spec and the embedding (no output cost) are skipped
        assertThat(entries)
                .extracting(CatalogEntry::model)
                .containsExactly("gpt-4.1", "claude-sonnet-4-5-20250929", "acme-tiny");
        CatalogEntry gpt = entries.get(0);
        // 2e-6 USD/token x 1,000,000 = 2.00 USD/Mtok, exactly
        assertThat(gpt.inputPerMtok()).isEqualTo(2.0);
        assertThat(gpt.cachedInputPerMtok()).isEqualTo(0.5);
        assertThat(gpt.outputPerMtok()).isEqualTo(8.0);
        assertThat(gpt.cacheWritePerMtok()).isNull();
        assertThat(gpt.provider()).isEqualTo("openai");
        assertThat(entries.get(1).cacheWritePerMtok()).isEqualTo(3.75);
        assertThat(entries.get(1).outputPerMtok()).isEqualTo(15.0);
        assertThat(gpt.sourceUrl()).startsWith("file:").endsWith("litellm-fixture.json");
    }
}
