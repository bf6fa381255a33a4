package dev.relaygate.reports.claims;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The unit a figure is measured in or a claim is stated in. Seconds and milliseconds convert into each other,
 * as do percent and fractions; every other unit compares only with itself, so a claim in USD/month is never
 * silently held against a yearly figure.
 */
public enum FigureUnit {
    MS("ms"),
    S("s"),
    US("us"),
    FRACTION("fraction"),
    PERCENT("percent"),
    COUNT("count"),
    BOOL("bool"),
    PER_S("per_s"),
    STATUS("status"),
    USD("USD"),
    USD_PER_MONTH("USD/month"),
    USD_PER_YEAR("USD/year"),
    MONTHS("months"),
    MTOK_PER_MONTH("Mtok/month");

    private final String label;

    FigureUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<FigureUnit> named(String label) {
        return Arrays.stream(values()).filter(u -> u.label.equals(label)).findFirst();
    }

    /** Every unit's name, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(FigureUnit::label).collect(Collectors.joining(", "));
    }

    /** The factor that turns a value in this unit into {@code target}; empty when they do not convert. */
    public OptionalDouble factorTo(FigureUnit target) {
        if (this == target) {
            return OptionalDouble.of(1);
        }
        if (this == S && target == MS) {
            return OptionalDouble.of(1000);
        }
        if (this == MS && target == S) {
            return OptionalDouble.of(0.001);
        }
        if (this == PERCENT && target == FRACTION) {
            return OptionalDouble.of(0.01);
        }
        if (this == FRACTION && target == PERCENT) {
            return OptionalDouble.of(100);
        }
        return OptionalDouble.empty();
    }

    /** "5.46 s", "47.2 %", "$14,580/year": a value already in this unit, as the scorecard shows it. */
    public String format(double value) {
        return switch (this) {
            case PERCENT -> ClaimText.number(value) + " %";
            case FRACTION -> ClaimText.number(value) + " (" + ClaimText.number(value * 100) + " %)";
            case USD -> "$" + ClaimText.money(value);
            case USD_PER_MONTH -> "$" + ClaimText.money(value) + "/month";
            case USD_PER_YEAR -> "$" + ClaimText.money(value) + "/year";
            case COUNT, STATUS -> ClaimText.number(value);
            case PER_S -> ClaimText.number(value) + "/s";
            case MTOK_PER_MONTH -> ClaimText.number(value) + " Mtok/month";
            case BOOL -> value != 0 ? "true" : "false";
            default -> ClaimText.number(value) + " " + label;
        };
    }
}
