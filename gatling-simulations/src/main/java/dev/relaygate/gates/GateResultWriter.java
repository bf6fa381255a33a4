package dev.relaygate.gates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/** Writes a {@link GateResult} as {@code <dir>/<gate>.json} in the schema's snake_case shape. */
public final class GateResultWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public GateResultWriter(Path dir) {
        this.dir = dir;
    }

    /** Writes atomically (temp file, then move) so the reports module never reads half a file. */
    public Path write(GateResult result) {
        Path target = dir.resolve(result.gate() + ".json");
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, result.gate(), ".tmp");
            JSON.writeValue(tmp.toFile(), toJson(result));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write gate result " + target, e);
        }
    }

    static ObjectNode toJson(GateResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("gate", r.gate());
        root.put("run_id", r.runId());
        root.put("passed", r.passed());
        if (r.aborted()) {
            root.put("aborted", true);
        }
        root.put("description", r.description());
        root.putObject("relay")
                .put("name", r.relay().name())
                .put("kind", r.relay().kind())
                .put("description", r.relay().description());
        if (r.notSupported() != null) {
            root.put("not_supported", r.notSupported());
        }
        if (r.simulation() != null) {
            root.put("simulation", r.simulation());
        }
        ArrayNode failures = root.putArray("failures");
        r.failures().forEach(failures::add);
        root.set("thresholds", JsonValues.object(r.thresholds()));
        if (!r.thresholdOverrides().isEmpty()) {
            ObjectNode overrides = root.putObject("threshold_overrides");
            new java.util.TreeMap<>(r.thresholdOverrides())
                    .forEach((name, o) -> overrides
                            .putObject(name)
                            .put("default", o.defaultValue())
                            .put("value", o.value())
                            .put("loosened", o.loosened()));
        }
        if (!r.targets().isEmpty()) {
            root.set("targets", JsonValues.object(r.targets()));
        }
        root.set("measured", JsonValues.object(r.measured()));
        if (!r.percentilesMs().isEmpty()) {
            root.set("percentiles_ms", JsonValues.object(r.percentilesMs()));
        }
        if (!r.series().isEmpty()) {
            ObjectNode series = root.putObject("series");
            r.series().forEach((name, dist) -> series.set(name, JsonValues.object(dist)));
        }
        if (!r.timeline().isEmpty()) {
            ArrayNode timeline = root.putArray("timeline");
            r.timeline().forEach(sample -> timeline.add(JsonValues.object(sample)));
        }
        if (!r.events().isEmpty()) {
            root.set("events", events(r.events()));
        }
        root.set("run", run(r.run()));
        root.put("started_at", r.startedAt().toString());
        root.put("duration_ms", r.durationMs());
        return root;
    }

    private static ArrayNode events(List<GateEvent> events) {
        ArrayNode array = JSON.createArrayNode();
        for (GateEvent e : events) {
            ObjectNode node = array.addObject();
            node.put("t_ms", e.tMs());
            node.put("name", e.name());
            if (e.detail() != null) {
                node.put("detail", e.detail());
            }
        }
        return array;
    }

    private static ObjectNode run(RunInfo run) {
        ObjectNode node = JSON.createObjectNode();
        if (run.commit() != null) {
            node.put("commit", run.commit());
        }
        node.put("jvm", run.jvm());
        node.put("cores", run.cores());
        node.put("seed", run.seed());
        node.set("load", JsonValues.object(Map.copyOf(run.load())));
        return node;
    }
}
