package dev.relaygate.reports.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the build asked the gates module to run ({@code <gates dir>/_manifest.json}, written before any
 * gate started): the run id every result must carry and the results that must exist. Read as JSON only; the
 * gates module writes it.
 *
 * @param requested    default gates run against the build's relay: results {@code <gate>.json}
 * @param notRequested default gates left out (a {@code -Dgates=} subset, or every one in a comparison build)
 * @param comparison   the comparison build's relays and gates, null in a default build
 */
public record GateManifest(
        String runId,
        List<String> requested,
        List<String> notRequested,
        String relay,
        String mode,
        Comparison comparison) {

    public static final String FILE_NAME = "_manifest.json";

    public GateManifest {
        requested = requested == null ? List.of() : List.copyOf(requested);
        notRequested = notRequested == null ? List.of() : List.copyOf(notRequested);
    }

    /** A default build's manifest: no comparison. */
    public GateManifest(String runId, List<String> requested, List<String> notRequested, String relay, String mode) {
        this(runId, requested, notRequested, relay, mode, null);
    }

    /**
     * Every result this run must have written, by key: the requested gates, then each comparison relay's
     * gates as {@code <relay>/<gate>}, relays in the manifest's order.
     */
    public List<String> expectedKeys() {
        List<String> keys = new ArrayList<>(requested);
        if (comparison != null) {
            for (String relay : comparison.relays()) {
                for (String gate : comparison.gates()) {
                    keys.add(GateFile.key(relay, gate));
                }
            }
        }
        return List.copyOf(keys);
    }

    /**
     * The comparison build's relays in their order (the report's columns) and the gates each ran, e.g.
     * {@code {"relays": ["relaygate", "portkey"], "gates": ["steady-state", "relay-overhead", ...]}}.
     */
    public record Comparison(List<String> relays, List<String> gates) {
        public Comparison {
            relays = relays == null ? List.of() : List.copyOf(relays);
            gates = gates == null ? List.of() : List.copyOf(gates);
        }
    }

    /** Missing when the file is absent; invalid when it does not name a run id and the expected results. */
    public static Input<GateManifest> load(Path gatesDir) {
        Path file = gatesDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Input.missing(file);
        }
        try {
            GateManifest m = Json.MAPPER.readValue(file.toFile(), GateManifest.class);
            if (m.runId() == null || m.runId().isBlank()) {
                return new Input.Invalid<>(file, "run_id must be a non-empty string, but was missing");
            }
            if (m.comparison() != null) {
                if (m.comparison().relays().isEmpty()) {
                    return new Input.Invalid<>(file, "comparison.relays must name at least one relay, but was empty");
                }
                if (m.comparison().gates().isEmpty()) {
                    return new Input.Invalid<>(file, "comparison.gates must name at least one gate, but was empty");
                }
            } else if (m.requested().isEmpty()) {
                return new Input.Invalid<>(file, "requested must name at least one gate, but was empty");
            }
            return new Input.Present<>(file, m);
        } catch (java.io.IOException e) {
            return new Input.Invalid<>(file, "not a gates manifest: " + Json.reason(e));
        }
    }
}
