package dev.relaygate.gates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * What this run's results say.
     *
     * @param judged        results of relays whose verdict decides the build (relaygate, or the external relay)
     * @param notSupported  of those, how many their relay could not run
     * @param peers         a comparison's other relays: name -> held, failed, not supported
     */
    public record Outcome(
            String runId,
            int requested,
            int notRequested,
            List<String> failures,
            List<String> loosened,
            int judged,
            int notSupported,
            String notSupportedBy,
            Map<String, int[]> peers,
            boolean comparison) {

        public Outcome(String runId, int requested, int notRequested, List<String> failures, List<String> loosened) {
            this(runId, requested, notRequested, failures, loosened, requested, 0, "", Map.of(), false);
        }

        /** Passed: nothing failed, and at least one of our gates actually ran (not-supported is no pass). */
        public boolean passed() {
            return failures.isEmpty() && judged - notSupported > 0;
        }

        public String headline() {
            if (!failures.isEmpty()) {
                return "FAILED: " + failures.size() + " of " + (comparison ? judged : requested) + " "
                        + (comparison ? "comparison gates on relaygate" : "gates") + " failed";
            }
            if (!passed()) {
                return "NOT PASSED: no gate ran (" + notSupported + " not supported by " + notSupportedBy + ")";
            }
            String ran = comparison
                    ? "PASSED: " + judged + " of " + judged + " comparison gates on relaygate (" + notRequested
                            + " default gates not requested)" + peerSummary()
                    : "PASSED: " + (requested - notSupported) + " of " + (requested + notRequested) + " gates run"
                            + parenthesis();
            return loosened.isEmpty()
                    ? ran
                    : ran + ", passed with " + loosened.size() + " loosened threshold"
                            + (loosened.size() == 1 ? "" : "s") + ": " + String.join(", ", loosened);
        }

        private String parenthesis() {
            List<String> parts = new ArrayList<>();
            if (notSupported > 0) {
                parts.add(notSupported + " not supported by " + notSupportedBy);
            }
            if (notRequested > 0) {
                parts.add(notRequested + " not requested");
            }
            return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
        }

        private String peerSummary() {
            StringBuilder out = new StringBuilder();
            peers.forEach((name, c) -> out.append("; ")
                    .append(name)
                    .append(": ")
                    .append(c[0])
                    .append(" held, ")
                    .append(c[1])
                    .append(" failed, ")
                    .append(c[2])
                    .append(" not supported"));
            return out.toString();
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
        int judged = 0;
        int notSupported = 0;
        Set<String> notSupportedBy = new LinkedHashSet<>();
        Map<String, int[]> peers = new LinkedHashMap<>();
        for (String key : manifest.expected()) {
            int slash = key.indexOf('/');
            String relay = slash < 0 ? null : key.substring(0, slash);
            boolean peer = relay != null && !relay.equals("relaygate");
            if (!peer) {
                judged++;
            }
            Path file = dir.resolve(key + ".json");
            if (!Files.isRegularFile(file)) {
                failures.add("gate " + key + ": " + GateVerdictReasons.missing(runId));
                continue;
            }
            JsonNode result;
            try {
                result = JSON.readTree(file.toFile());
            } catch (IOException e) {
                failures.add("gate " + key + ": " + GateVerdictReasons.unreadable(e.getMessage()));
                continue;
            }
            String problem = GateVerdictReasons.judge(result, runId);
            boolean unsupported = result.path("not_supported").isTextual();
            if (problem != null && (!peer || !GateVerdictReasons.isFinding(result, runId))) {
                failures.add("gate " + key + ": " + problem);
            }
            if (peer) {
                int[] counts = peers.computeIfAbsent(relay, r -> new int[3]);
                counts[unsupported ? 2 : problem == null ? 0 : 1]++;
            } else if (unsupported && problem == null) {
                notSupported++;
                notSupportedBy.add(result.path("relay").path("name").asText("the relay"));
            }
            String name = key;
            result.path("threshold_overrides").properties().forEach(o -> {
                if (o.getValue().path("loosened").asBoolean(false)) {
                    loosened.add(GateVerdictReasons.loosened(
                            name,
                            o.getKey(),
                            o.getValue().path("value").asDouble(),
                            o.getValue().path("default").asDouble()));
                }
            });
        }
        for (String extra : resultFiles(dir)) {
            if (!manifest.expected().contains(extra)) {
                failures.add("gate " + extra + ": " + GateVerdictReasons.notRequested(runId));
            }
        }
        return new Outcome(
                runId,
                manifest.requested().size(),
                manifest.notRequested().size(),
                failures,
                loosened,
                judged,
                notSupported,
                String.join(", ", notSupportedBy),
                peers,
                manifest.comparison() != null);
    }

    /** Every result file's key: {@code <gate>}, or {@code <relay>/<gate>} one folder down. */
    private static List<String> resultFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir, 2)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".json") && !n.equals(GateManifest.FILE_NAME))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
