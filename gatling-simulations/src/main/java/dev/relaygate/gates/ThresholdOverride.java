package dev.relaygate.gates;

/**
 * A threshold set with {@code -D<gate>.<name>} to a value other than its default.
 *
 * @param loosened true when the override makes the gate easier to pass (a higher ceiling, a lower floor)
 */
public record ThresholdOverride(double defaultValue, double value, boolean loosened) {}
