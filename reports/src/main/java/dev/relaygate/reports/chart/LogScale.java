package dev.relaygate.reports.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A base-10 logarithmic scale over whole decades, for figures spanning orders of magnitude
 * (2 ns/op beside 41,000 ns/op). Values at or below the lowest decade sit at the origin.
 */
public record LogScale(double decadeMin, double decadeMax, double rangeMin, double rangeMax) implements Scale {

    public LogScale {
        if (!(decadeMax > decadeMin)) {
            throw new IllegalArgumentException(
                    "decadeMax must be greater than decadeMin, but was [" + decadeMin + ", " + decadeMax + "]");
        }
    }

    /** The whole decades covering the positive values in [minPositive, max]. */
    public static LogScale covering(double minPositive, double max, double rangeMin, double rangeMax) {
        double lo = Math.floor(Math.log10(minPositive));
        double hi = Math.ceil(Math.log10(max));
        return new LogScale(lo, hi > lo ? hi : lo + 1, rangeMin, rangeMax);
    }

    @Override
    public double map(double value) {
        double decade = value > 0 ? Math.max(decadeMin, Math.log10(value)) : decadeMin;
        return rangeMin + (decade - decadeMin) / (decadeMax - decadeMin) * (rangeMax - rangeMin);
    }

    @Override
    public double origin() {
        return rangeMin;
    }

    /** One tick per decade. */
    @Override
    public List<Double> ticks(int count) {
        List<Double> ticks = new ArrayList<>();
        for (double d = decadeMin; d <= decadeMax; d++) {
            ticks.add(Math.pow(10, d));
        }
        return ticks;
    }
}
