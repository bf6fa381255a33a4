package dev.relaygate.gates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The gate runner's last step: the verdict of a gates-only build ({@code -pl gatling-simulations}, with or
 * without {@code -Dgates=} or {@code -Drelay.url}). Every requested gate must have written a result of this
 * run that is not aborted, not self-contradictory and passed; each failure is named with the reason the
 * report gives for it. When the reports module is in the same build it renders the report first and gives
 * the verdict itself, so this step only prints.
 *
 * <p>Arguments: {@code dir=<gates dir> run_id=<id> reactor=<the build's projects>}.
 */
public final class GateRunVerdict {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORTS_PROJECT = "dev.relaygate:reports:";

    /** What this run's results say. */
    public record Outcome(String runId, int requested, int notRequested, List<String> failures, List<String> loosened) {

        public boolean passed() {
            return failures.isEmpty() && requested > 0;
        }

        public String headline() {
            if (!passed()) {
                return "FAILED: " + failures.size() + " of " + requested + " gates failed";
            }
            String ran = "PASSED: " + requested + " of " + (requested + notRequested) + " gates run"
                    + (notRequested > 0 ? " (" + notRequested + " not requested)" : "");
            return loosened.isEmpty()
                    ? ran
                    : ran + ", passed with " + loosened.size() + " loosened threshold"
                            + (loosened.size() == 1 ? "" : "s") + ": " + String.join(", ", loosened);
        }
    }

    private GateRunVerdict() {}

    public static void main(String[] args) {
        RunArguments a = new RunArguments(args);
        Outcome outcome = judge(a.dir("dir"), a.required("run_id"));
        System.out.println("[gates] verdict " + outcome.headline());
        outcome.failures().forEach(f -> System.out.println("[gates]   FAILED " + f));
        if (a.optional("reactor").contains(REPORTS_PROJECT)) {
            System.out.println("[gates] the reports module renders the report and then gives the build's verdict");
        } else if (!outcome.passed()) {
            throw new IllegalStateException(
                    "gates " + outcome.headline() + ": " + String.join("; ", outcome.failures()));
        }
    }

    static Outcome judge(Path dir, String runId) {
        GateManifest manifest;
        try {
            manifest = GateManifest.read(dir);
        } catch (IllegalArgumentException e) {
            return new Outcome(
                    runId,
                    0,
                    0,
                    List.of("gates manifest " + GateManifest.file(dir)
                            + ": missing or unreadable, so nothing says which gates this run expected ("
                            + e.getMessage() + ")"),
                    List.of());
        }
        List<String> failures = new ArrayList<>();
        List<String> loosened = new ArrayList<>();
        if (!manifest.runId().equals(runId)) {
            failures.add("gates manifest: " + GateVerdictReasons.staleRun(manifest.runId(), runId));
        }
        for (String gate : manifest.requested()) {
            Path file = dir.resolve(gate + ".json");
            if (!Files.isRegularFile(file)) {
                failures.add("gate " + gate + ": " + GateVerdictReasons.missing(runId));
                continue;
            }
            JsonNode result;
            try {
                result = JSON.readTree(file.toFile());
            } catch (IOException e) {
                failures.add("gate " + gate + ": " + GateVerdictReasons.unreadable(e.getMessage()));
                continue;
            }
            String problem = GateVerdictReasons.judge(result, runId);
            if (problem != null) {
                failures.add("gate " + gate + ": " + problem);
            }
            result.path("threshold_overrides").properties().forEach(o -> {
                if (o.getValue().path("loosened").asBoolean(false)) {
                    loosened.add(GateVerdictReasons.loosened(
                            gate,
                            o.getKey(),
                            o.getValue().path("value").asDouble(),
                            o.getValue().path("default").asDouble()));
                }
            });
        }
        for (String extra : resultFiles(dir)) {
            if (!manifest.requested().contains(extra)) {
                failures.add("gate " + extra + ": " + GateVerdictReasons.notRequested(runId));
            }
        }
        return new Outcome(
                runId, manifest.requested().size(), manifest.notRequested().size(), failures, loosened);
    }

    private static List<String> resultFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.equals(GateManifest.FILE_NAME))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
