package dev.relaygate.gates;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One gate's outcome, the contract with the reports module: the shape of
 * {@code schemas/gate-result.schema.json}. {@link GateResultWriter} turns it into
 * {@code target/gates/<gate>.json}.
 */
public record GateResult(
        String gate,
        String runId,
        boolean passed,
        boolean aborted,
        String description,
        String simulation,
        List<String> failures,
        Map<String, Object> thresholds,
        Map<String, ThresholdOverride> thresholdOverrides,
        Map<String, Object> targets,
        Map<String, Object> measured,
        Map<String, Double> percentilesMs,
        Map<String, Map<String, Double>> series,
        List<Map<String, Object>> timeline,
        List<GateEvent> events,
        RunInfo run,
        Instant startedAt,
        long durationMs) {

    private static final Pattern GATE_ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    public GateResult {
        Objects.requireNonNull(gate, "gate");
        if (!GATE_ID.matcher(gate).matches()) {
            throw new IllegalArgumentException(
                    "gate must be lower-case words joined by hyphens, but was '" + gate + "'");
        }
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(startedAt, "startedAt");
        if (durationMs < 0) {
            throw new IllegalArgumentException("duration_ms must be >= 0, but was " + durationMs);
        }
        if (passed != failures.isEmpty()) {
            throw new IllegalArgumentException("passed must be true exactly when failures is empty, but passed was "
                    + passed + " with " + failures.size() + " failures");
        }
        if (aborted && passed) {
            throw new IllegalArgumentException("an aborted gate cannot have passed");
        }
        failures = List.copyOf(failures);
        thresholdOverrides = Map.copyOf(thresholdOverrides);
        timeline = List.copyOf(timeline);
        events = List.copyOf(events);
    }
}
