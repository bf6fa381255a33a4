package dev.relaygate.roi;

import dev.relaygate.roi.calc.RoiCalculator;
import dev.relaygate.roi.pricing.PriceCatalog;
import dev.relaygate.roi.report.RoiReport;
import dev.relaygate.roi.usage.Scenario;
import dev.relaygate.roi.usage.UsageLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Builds usage files for tests: a fixed header plus the sections a test cares about. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {}

    /** A usage file: version/currency/fx header, then {@code body} (YAML). */
    public static String usage(String body) {
        return "version: 1\ncurrency: USD\nfx: {CNY_per_USD: 7.30}\n" + body;
    }

    public static Path write(String yaml) {
        try {
            Path file = Files.createTempFile("usage", ".yaml");
            file.toFile().deleteOnExit();
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario scenario(String yaml) {
        return UsageLoader.load(write(yaml), PriceCatalog.bundled());
    }

    public static RoiReport report(String yaml) {
        return RoiCalculator.calculate(scenario(yaml), NOW);
    }

    /** A reference gpt-4.1 line: 20 input, 5 cached, 0 cache-write, 10 output Mtok per month, catalog prices. */
    public static String gpt41(String extra) {
        return "  - model: gpt-4.1\n    monthly_input_mtok: 20\n    monthly_cached_input_mtok: 5\n"
                + "    monthly_cache_write_mtok: 0\n    monthly_output_mtok: 10\n" + extra;
    }
}
