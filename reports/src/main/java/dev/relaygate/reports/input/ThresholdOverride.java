package dev.relaygate.reports.input;

/** A gate threshold set with {@code -D} to a value other than its default; loosened when that made it easier. */
public record ThresholdOverride(double defaultValue, double value, boolean loosened) {

    /** Jackson binds {@code default} (a Java keyword) through this factory. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static ThresholdOverride of(
            @com.fasterxml.jackson.annotation.JsonProperty("default") double defaultValue,
            @com.fasterxml.jackson.annotation.JsonProperty("value") double value,
            @com.fasterxml.jackson.annotation.JsonProperty("loosened") boolean loosened) {
        return new ThresholdOverride(defaultValue, value, loosened);
    }
}
