package dev.relaygate.reports;

import java.nio.file.Path;
import java.util.Objects;

/** Where the report reads from and writes to. */
public record ReportInputs(Path gatesDir, Path gatlingDir, Path jmhResult, Path jmhGate, Path roi, Path outDir) {

    public ReportInputs {
        Objects.requireNonNull(gatesDir, "gatesDir");
        Objects.requireNonNull(gatlingDir, "gatlingDir");
        Objects.requireNonNull(jmhResult, "jmhResult");
        Objects.requireNonNull(jmhGate, "jmhGate");
        Objects.requireNonNull(roi, "roi");
        Objects.requireNonNull(outDir, "outDir");
    }
}
