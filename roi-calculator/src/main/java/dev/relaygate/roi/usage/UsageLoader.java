package dev.relaygate.roi.usage;

import dev.relaygate.roi.io.StrictReader;
import dev.relaygate.roi.pricing.PriceCatalog;
import java.nio.file.Path;

/** Reads a usage file (YAML, or JSON when the name ends in .json) and validates it against a catalog. */
public final class UsageLoader {
    private UsageLoader() {}

    public static Scenario load(Path usageFile, PriceCatalog catalog) {
        UsageFile file = StrictReader.read(usageFile, UsageFile.class, "usage file");
        return UsageValidator.validate(file, catalog, usageFile.normalize().toString());
    }
}
