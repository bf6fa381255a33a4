package dev.relaygate.gates;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One gate's outcome, the contract with the reports module: the shape of
 * {@code schemas/gate-result.schema.json}. {@link GateResultWriter} turns it into
 * {@code target/gates/<gate>.json} (in a comparison build {@code target/gates/<relay>/<gate>.json}).
 *
 * @param relay         the relay the gate drove
 * @param notSupported  null, or why the gate could not run on that relay (it then neither passed nor failed)
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
        long durationMs,
        RelayInfo relay,
        String notSupported) {

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
        Objects.requireNonNull(relay, "relay");
        if (passed != (failures.isEmpty() && notSupported == null)) {
            throw new IllegalArgumentException(
                    "passed must be true exactly when failures is empty and the gate was supported, but passed was "
                            + passed + " with " + failures.size() + " failures"
                            + (notSupported == null ? "" : " and not_supported set"));
        }
        if (notSupported != null && (aborted || !failures.isEmpty())) {
            throw new IllegalArgumentException("a gate not supported by its relay has no failures and is not aborted");
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
