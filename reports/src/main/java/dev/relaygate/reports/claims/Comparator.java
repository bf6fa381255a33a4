package dev.relaygate.reports.claims;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a claim's value is held against the measured figure. {@code approx} needs a tolerance in percent. */
public enum Comparator {
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    EQ("=="),
    APPROX("approx"),
    IS("is");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Optional<Comparator> named(String symbol) {
        return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(Comparator::symbol).collect(Collectors.joining(", "));
    }

    /**
     * Whether {@code measured} satisfies this comparator against {@code claimed}, both in the same unit;
     * booleans are 1 and 0. {@code tolerancePct} is used by {@code approx} only: within that percentage of
     * the claimed value.
     */
    public boolean holds(double measured, double claimed, double tolerancePct) {
        return switch (this) {
            case LT -> measured < claimed;
            case LE -> measured <= claimed;
            case GT -> measured > claimed;
            case GE -> measured >= claimed;
            case EQ, IS -> measured == claimed;
            case APPROX -> Math.abs(measured - claimed) <= Math.abs(claimed) * tolerancePct / 100.0;
        };
    }
}
