package dev.relaygate.relay.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The vendor playbook's {@code traffic_shift} object, bound from JSON or YAML:
 * {@code {"increment": 10, "interval_seconds": 300, "validation_threshold": {...}}} plus our timing
 * fields. Absent fields take the defaults below; every field is validated with a message naming it.
 *
 * @param increment            green weight added per step, in percent points
 * @param intervalSeconds      minimum time a step runs before it may advance
 * @param validationThreshold  the judge's thresholds
 * @param evaluationIntervalMs how often the controller ticks (the wiring's timer period)
 * @param windowSeconds        the judge's window (or since the step began, if shorter)
 */
public record TrafficShiftSettings(
        @JsonProperty("increment") int increment,
        @JsonProperty("interval_seconds") long intervalSeconds,
        @JsonProperty("validation_threshold") ValidationThreshold validationThreshold,
        @JsonProperty("evaluation_interval_ms") long evaluationIntervalMs,
        @JsonProperty("window_seconds") long windowSeconds) {

    public static final int DEFAULT_INCREMENT = 10;
    public static final long DEFAULT_INTERVAL_SECONDS = 300;
    public static final long DEFAULT_EVALUATION_INTERVAL_MS = 1000;
    public static final long DEFAULT_WINDOW_SECONDS = 30;

    public TrafficShiftSettings {
        Validate.inRange("traffic_shift.increment", increment, 1, 100);
        Validate.positive("traffic_shift.interval_seconds", intervalSeconds);
        Objects.requireNonNull(validationThreshold, "traffic_shift.validation_threshold");
        Validate.inRange("traffic_shift.evaluation_interval_ms", evaluationIntervalMs, 10, 60_000);
        Validate.positive("traffic_shift.window_seconds", windowSeconds);
    }

    /** Binds JSON/YAML: absent fields take their defaults. */
    @JsonCreator
    public static TrafficShiftSettings of(
            @JsonProperty("increment") Integer increment,
            @JsonProperty("interval_seconds") Long intervalSeconds,
            @JsonProperty("validation_threshold") ValidationThreshold validationThreshold,
            @JsonProperty("evaluation_interval_ms") Long evaluationIntervalMs,
            @JsonProperty("window_seconds") Long windowSeconds) {
        return new TrafficShiftSettings(
                increment == null ? DEFAULT_INCREMENT : increment,
                intervalSeconds == null ? DEFAULT_INTERVAL_SECONDS : intervalSeconds,
                validationThreshold == null ? ValidationThreshold.defaults() : validationThreshold,
                evaluationIntervalMs == null ? DEFAULT_EVALUATION_INTERVAL_MS : evaluationIntervalMs,
                windowSeconds == null ? DEFAULT_WINDOW_SECONDS : windowSeconds);
    }

    public static TrafficShiftSettings defaults() {
        return of(null, null, null, null, null);
    }

    public long intervalMillis() {
        return intervalSeconds * 1000;
    }

    public long windowMillis() {
        return windowSeconds * 1000;
    }
}
