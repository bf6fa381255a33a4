package dev.relaygate.reports.claims;

import dev.relaygate.reports.input.Input;
import dev.relaygate.reports.input.RoiLoader;
import dev.relaygate.reports.input.RoiResult;
import dev.relaygate.roi.RoiInputException;
import dev.relaygate.roi.calc.RoiCalculator;
import dev.relaygate.roi.pricing.PriceCatalog;
import dev.relaygate.roi.report.JsonFormat;
import dev.relaygate.roi.usage.UsageLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes each ROI scenario of a claims file with the calculator itself, on the bundled price catalog, and
 * reads the result back through roi.json as the report reads the build's own: one arithmetic, one format.
 */
public final class RoiScenarios {

    private RoiScenarios() {}

    /**
     * The scenario result per usage file.
     *
     * @throws ClaimsFileException naming the claim whose usage file the calculator refused
     */
    public static Map<Path, RoiResult> compute(ClaimsFile claims, Path workDir, Instant now) throws IOException {
        Map<Path, RoiResult> results = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        PriceCatalog catalog = PriceCatalog.bundled();
        for (int i = 0; i < claims.claims().size(); i++) {
            Claim claim = claims.claims().get(i);
            if (!(claim.evidence() instanceof Claim.ScenarioEvidence scenario)
                    || results.containsKey(scenario.usage())) {
                continue;
            }
            try {
                String json =
                        JsonFormat.write(RoiCalculator.calculate(UsageLoader.load(scenario.usage(), catalog), now));
                Files.createDirectories(workDir);
                Path file = workDir.resolve("scenario-" + claim.id() + ".json");
                Files.writeString(file, json, StandardCharsets.UTF_8);
                Input<RoiResult> read = RoiLoader.load(file);
                if (!(read instanceof Input.Present<RoiResult> present)) {
                    throw new IllegalStateException("the calculator's own result could not be read back: " + read);
                }
                results.put(scenario.usage(), present.value());
            } catch (RoiInputException e) {
                errors.add("claims[" + i + "] (id '" + claim.id() + "').evidence.roi_scenario.usage "
                        + scenario.usageAsWritten() + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new ClaimsFileException(claims.file(), errors);
        }
        return results;
    }
}
