package dev.relaygate.reports;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the report reads from and writes to, and the build's run id every result must carry (null: the
 * gates manifest's).
 */
public record ReportInputs(
        Path gatesDir, Path gatlingDir, Path jmhResult, Path jmhGate, Path roi, Path outDir, String runId) {

    public ReportInputs(Path gatesDir, Path gatlingDir, Path jmhResult, Path jmhGate, Path roi, Path outDir) {
        this(gatesDir, gatlingDir, jmhResult, jmhGate, roi, outDir, null);
    }

    public ReportInputs {
        Objects.requireNonNull(gatesDir, "gatesDir");
        Objects.requireNonNull(gatlingDir, "gatlingDir");
        Objects.requireNonNull(jmhResult, "jmhResult");
        Objects.requireNonNull(jmhGate, "jmhGate");
        Objects.requireNonNull(roi, "roi");
        Objects.requireNonNull(outDir, "outDir");
    }
}
