package dev.relaygate.reports.input;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the build asked the gates module to run ({@code <gates dir>/_manifest.json}, written before any
 * gate started): the run id every result must carry and the gates that must have a result. Read as JSON
 * only; the gates module writes it.
 */
public record GateManifest(String runId, List<String> requested, List<String> notRequested, String relay, String mode) {

    public static final String FILE_NAME = "_manifest.json";

    public GateManifest {
        requested = requested == null ? List.of() : List.copyOf(requested);
        notRequested = notRequested == null ? List.of() : List.copyOf(notRequested);
    }

    /** Missing when the file is absent; invalid when it does not name a run id and the requested gates. */
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
            if (m.requested().isEmpty()) {
                return new Input.Invalid<>(file, "requested must name at least one gate, but was empty");
            }
            return new Input.Present<>(file, m);
        } catch (java.io.IOException e) {
            return new Input.Invalid<>(file, "not a gates manifest: " + Json.reason(e));
        }
    }
}
