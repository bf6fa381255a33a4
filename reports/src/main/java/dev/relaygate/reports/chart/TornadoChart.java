package dev.relaygate.reports.chart;

import dev.relaygate.reports.format.Fmt;
import dev.relaygate.reports.input.RoiResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The sensitivity tornado: one row per input, widest swing on top, each with two bars that start at the
 * base horizon savings and reach the savings at the input's low and at its high value. A bar left of the
 * base line is a loss against it, so the chart diverges around the base instead of from zero.
 */
public final class TornadoChart {

    static final int WIDTH = 1000;
    static final double PLOT_LEFT = 14;
    static final double PLOT_RIGHT = WIDTH - 14;
    static final double ROW = 34;
    static final double BAR_HEIGHT = 12;
    static final double LABEL = 14;
    static final double TOP = 8;
    static final double AXIS = 34;
    static final double MIN_BAR = 2;

    private TornadoChart() {}

    public static Optional<Svg> build(RoiResult roi) {
        if (roi.sensitivity().isEmpty()) {
            return Optional.empty();
        }
        double base = roi.totals().horizonSavings();
        List<RoiResult.Sensitivity> rows = roi.sensitivity().stream()
                .sorted(Comparator.comparingDouble(
                                (RoiResult.Sensitivity s) -> Math.abs(s.horizonSavingsHigh() - s.horizonSavingsLow()))
                        .reversed())
                .toList();
        double min = base;
        double max = base;
        for (RoiResult.Sensitivity s : rows) {
            min = Math.min(min, Math.min(s.horizonSavingsLow(), s.horizonSavingsHigh()));
            max = Math.max(max, Math.max(s.horizonSavingsLow(), s.horizonSavingsHigh()));
        }
        if (max == min) {
            max = min + 1;
        }
        LinearScale x = LinearScale.nice(min, max, PLOT_LEFT, PLOT_RIGHT, 5);
        String currency = roi.currency();
        List<Shapes.Rect> rects = new ArrayList<>();
        List<Shapes.Label> labels = new ArrayList<>();
        double y = TOP;
        for (RoiResult.Sensitivity s : rows) {
            labels.add(new Shapes.Label(
                    PLOT_LEFT,
                    y + 11,
                    s.input() + ": " + Fmt.num(s.low()) + " \u2192 " + Fmt.num(s.high()),
                    "start",
                    "group-label"));
            y += LABEL;
            rects.add(bar(
                    x,
                    base,
                    s.horizonSavingsLow(),
                    y,
                    "s5",
                    s.input() + "/low",
                    s.input() + " at " + Fmt.num(s.low()) + ": " + Fmt.money(s.horizonSavingsLow(), currency)));
            rects.add(bar(
                    x,
                    base,
                    s.horizonSavingsHigh(),
                    y,
                    "s1",
                    s.input() + "/high",
                    s.input() + " at " + Fmt.num(s.high()) + ": " + Fmt.money(s.horizonSavingsHigh(), currency)));
            y += ROW - LABEL;
        }
        double plotBottom = y;
        List<Shapes.Line> grid = new ArrayList<>();
        for (double tick : x.ticks(5)) {
            double tx = x.map(tick);
            grid.add(new Shapes.Line(tx, TOP, tx, plotBottom, "grid", null));
            labels.add(new Shapes.Label(tx, plotBottom + 14, Fmt.num(tick), "middle", "tick"));
        }
        double bx = x.map(base);
        List<Shapes.Line> lines =
                List.of(new Shapes.Line(bx, TOP, bx, plotBottom, "axis", "base: " + Fmt.money(base, currency)));
        labels.add(new Shapes.Label(
                PLOT_RIGHT,
                plotBottom + 28,
                currency + " saved over " + roi.totals().horizonMonths() + " months",
                "end",
                "axis-title"));
        return Optional.of(new Svg(
                "chart-roi-tornado",
                "Sensitivity: savings over " + roi.totals().horizonMonths() + " months, one input at a time",
                "Each input moved to its low and high value with the others at base; the line is the base figure, "
                        + Fmt.money(base, currency) + ".",
                WIDTH,
                (int) Math.ceil(plotBottom + AXIS),
                grid,
                rects,
                List.of(),
                lines,
                List.of(),
                labels,
                List.of(new Shapes.LegendItem("s5", "input at low"), new Shapes.LegendItem("s1", "input at high"))));
    }

    /** A bar from the base line to {@code value}, drawn leftward for a value under the base. */
    private static Shapes.Rect bar(
            LinearScale x, double base, double value, double y, String cls, String key, String tooltip) {
        double from = x.map(Math.min(base, value));
        double width = Math.max(MIN_BAR, Math.abs(x.map(value) - x.map(base)));
        double top = "s5".equals(cls) ? y : y + BAR_HEIGHT / 2 + 1;
        return new Shapes.Rect(from, top, width, BAR_HEIGHT / 2 + 3, "mark " + cls, key, value, tooltip);
    }
}
