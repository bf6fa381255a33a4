package dev.relaygate.reports.chart;

import java.util.ArrayList;
import java.util.List;

/** Maps a data domain linearly onto a pixel range, with "nice" round ticks. */
public record LinearScale(double domainMin, double domainMax, double rangeMin, double rangeMax) implements Scale {

    public LinearScale {
        if (!(domainMax > domainMin)) {
            throw new IllegalArgumentException(
                    "domainMax must be greater than domainMin, but was [" + domainMin + ", " + domainMax + "]");
        }
    }

    /**
     * A scale whose domain covers [min, max] (and 0), widened to round tick steps, so bars start at
     * zero and the axis reads 0, 50, 100 rather than 0, 47.3, 94.6.
     */
    public static LinearScale nice(double min, double max, double rangeMin, double rangeMax, int tickCount) {
        double lo = Math.min(0, min);
        double hi = Math.max(0, max);
        if (hi - lo <= 0) {
            hi = lo + 1;
        }
        double step = niceStep((hi - lo) / tickCount);
        return new LinearScale(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, rangeMin, rangeMax);
    }

    @Override
    public double map(double value) {
        return rangeMin + (value - domainMin) / (domainMax - domainMin) * (rangeMax - rangeMin);
    }

    @Override
    public double origin() {
        return map(Math.max(domainMin, Math.min(0, domainMax)));
    }

    /** Round tick values inside the domain, about {@code count} of them. */
    @Override
    public List<Double> ticks(int count) {
        double step = niceStep((domainMax - domainMin) / count);
        List<Double> ticks = new ArrayList<>();
        double first = Math.ceil(domainMin / step) * step;
        for (int i = 0; first + i * step <= domainMax + step * 1e-9; i++) {
            double tick = first + i * step;
            ticks.add(Math.abs(tick) < step * 1e-9 ? 0.0 : tick);
        }
        return ticks;
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice;
        if (fraction <= 1) {
            nice = 1;
        } else if (fraction <= 2) {
            nice = 2;
        } else if (fraction <= 2.5) {
            nice = 2.5;
        } else if (fraction <= 5) {
            nice = 5;
        } else {
            nice = 10;
        }
        return nice * power;
    }
}
