package dev.relaygate.reports.input;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One gate's result on one relay under test ({@code target/gates/<gate>.json}, or
 * {@code target/gates/<relay>/<gate>.json} in a comparison build), bound after schema validation. Maps keep
 * the producer's key order, which is the order the page shows them in.
 *
 * @param relay        the relay under test the gate ran against
 * @param notSupported non-null when the gate could not run on that relay for lack of a capability: the whole
 *                     reason. Such a result is neither passed nor failed, and never counts as a pass
 */
public record GateResult(
        String gate,
        boolean passed,
        String description,
        String simulation,
        List<String> failures,
        Map<String, Object> thresholds,
        Map<String, Object> targets,
        Map<String, Object> measured,
        Map<String, Double> percentilesMs,
        Map<String, Map<String, Double>> series,
        List<TimelinePoint> timeline,
        List<GateEvent> events,
        RunInfo run,
        String startedAt,
        double durationMs,
        String runId,
        Boolean aborted,
        Map<String, ThresholdOverride> thresholdOverrides,
        Relay relay,
        String notSupported) {

    public GateResult {
        failures = failures == null ? List.of() : List.copyOf(failures);
        thresholds = ordered(thresholds);
        targets = ordered(targets);
        measured = ordered(measured);
        percentilesMs = ordered(percentilesMs);
        series = ordered(series);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        events = events == null ? List.of() : List.copyOf(events);
        aborted = Boolean.TRUE.equals(aborted);
        thresholdOverrides = ordered(thresholdOverrides);
    }

    /**
     * Why a result cannot be believed, in the words every verdict uses for it; null when it is consistent:
     * {@code passed} holds exactly when there are no failures and no {@code not_supported} reason, and a
     * not-supported result has no failures and was not aborted.
     */
    public static String contradiction(boolean passed, int failures, String notSupported, boolean aborted) {
        String failuresText = failures + " failure" + (failures == 1 ? "" : "s");
        if (notSupported != null) {
            if (passed) {
                return "self-contradictory result: passed is true while not supported";
            }
            if (failures > 0) {
                return "self-contradictory result: not supported, yet with " + failuresText;
            }
            if (aborted) {
                return "self-contradictory result: not supported, yet aborted";
            }
            return null;
        }
        if (passed != (failures == 0)) {
            return "self-contradictory result: passed is " + passed + " with " + failuresText;
        }
        return null;
    }

    /** {@link #contradiction(boolean, int, String, boolean)} of this result. */
    public String contradiction() {
        return contradiction(passed, failures.size(), notSupported, wasAborted());
    }

    /** True when the gate could not run on this relay for lack of a capability ({@link #notSupported()}). */
    public boolean wasNotSupported() {
        return notSupported != null;
    }

    /** The relay's name, or null for a result that names none. */
    public String relayName() {
        return relay == null ? null : relay.name();
    }

    /** True when the gate could not run to its checks; its failures name the cause. */
    public boolean wasAborted() {
        return Boolean.TRUE.equals(aborted);
    }

    /** The start instant, if {@code started_at} is an ISO-8601 date-time with an offset. */
    public Optional<Instant> startInstant() {
        if (startedAt == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(startedAt).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** One named distribution of {@code series}, e.g. {@code ttft_ms}; empty when absent. */
    public Map<String, Double> series(String name) {
        return series.getOrDefault(name, Map.of());
    }

    // LinkedHashMap, not Map.copyOf: keeps key order and allows the null values "measured" may hold
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** One sample of a rollout timeline; weights in percent, error rates as fractions. */
    public record TimelinePoint(double tMs, Double greenWeight, Double greenErrorRate, String phase) {}

    /** A marked instant, e.g. fault onset or rollback, relative to the gate's start. */
    public record GateEvent(double tMs, String name, String detail) {}

    /**
     * The relay under test: a short lower-case name ({@code relaygate}, {@code portkey}, {@code external}),
     * how it ran ({@code in-process}, {@code child process}, {@code external}) and one line on what ran.
     */
    public record Relay(String name, String kind, String description) {}

    /** How and where the gate ran. */
    public record RunInfo(String commit, String jvm, Integer cores, Long seed, Map<String, Object> load) {
        public RunInfo {
            load = ordered(load);
        }
    }
}
