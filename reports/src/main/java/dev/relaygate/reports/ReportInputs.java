package dev.relaygate.reports;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the report reads from and writes to, and the build's run id every result must carry (null: the
 * gates manifest's). {@code claims} is the claims file (null: no scorecard) and {@code claimsOption} what a
 * re-run needs to judge the same file, e.g. {@code " -Dclaims=my-claims.yaml"} ("" for the example file).
 */
public record ReportInputs(
        Path gatesDir,
        Path gatlingDir,
        Path jmhResult,
        Path jmhGate,
        Path roi,
        Path outDir,
        String runId,
        Path claims,
        String claimsOption) {

    public ReportInputs(Path gatesDir, Path gatlingDir, Path jmhResult, Path jmhGate, Path roi, Path outDir) {
        this(gatesDir, gatlingDir, jmhResult, jmhGate, roi, outDir, null);
    }

    public ReportInputs(
            Path gatesDir, Path gatlingDir, Path jmhResult, Path jmhGate, Path roi, Path outDir, String runId) {
        this(gatesDir, gatlingDir, jmhResult, jmhGate, roi, outDir, runId, null, "");
    }

    /** These inputs with the claims file to judge. */
    public ReportInputs withClaims(Path claimsFile, String option) {
        return new ReportInputs(gatesDir, gatlingDir, jmhResult, jmhGate, roi, outDir, runId, claimsFile, option);
    }

    public ReportInputs {
        Objects.requireNonNull(gatesDir, "gatesDir");
        Objects.requireNonNull(gatlingDir, "gatlingDir");
        Objects.requireNonNull(jmhResult, "jmhResult");
        Objects.requireNonNull(jmhGate, "jmhGate");
        Objects.requireNonNull(roi, "roi");
        Objects.requireNonNull(outDir, "outDir");
        claimsOption = claimsOption == null ? "" : claimsOption;
    }
}
