package dev.relaygate.reports.chart;

import dev.relaygate.reports.format.Fmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Horizontal grouped bars on one shared zero-based axis. Each group (a gate, a benchmark, a
 * model) has its label above its bars, so long names never collide with the plot; each bar is
 * one series (p50, p99, direct, relay, ...) coloured by its series' class. The axis is linear
 * from zero, or logarithmic when the values span more than {@link #LOG_RATIO}.
 */
public final class BarChart {

    static final int WIDTH = 1000;
    static final double PLOT_LEFT = 14;
    static final double PLOT_RIGHT = WIDTH - 140;
    static final double BAR_HEIGHT = 14;
    static final double BAR_GAP = 3;
    static final double GROUP_LABEL = 18;
    static final double GROUP_GAP = 10;
    static final double TOP = 8;
    static final double AXIS = 34;
    /** A bar for a measured zero stays visible as a sliver; its value label says 0. */
    static final double MIN_BAR = 2;
    /** Largest over smallest positive value beyond which the axis turns logarithmic. */
    static final double LOG_RATIO = 300;

    private BarChart() {}

    /** A group of bars under one label. */
    public record Group(String label, List<Bar> bars) {
        public Group {
            bars = List.copyOf(bars);
        }
    }

    /**
     * One bar: its series index, value, optional error half-width (NaN for none), a key that
     * names it, and the value as text ("44.9 ms").
     */
    public record Bar(int series, double value, double error, String key, String valueText) {}

    /**
     * @param series each bar's {@code series} indexes this list; an entry's class colours the bar
     *               and its name goes into the tooltip and, with two or more series, the legend
     */
    public static Svg horizontal(
            String id, String title, String caption, String unit, List<Shapes.LegendItem> series, List<Group> groups) {
        double max = 0;
        double minPositive = Double.POSITIVE_INFINITY;
        for (Group group : groups) {
            for (Bar bar : group.bars()) {
                double reach = Double.isFinite(bar.error()) ? bar.value() + bar.error() : bar.value();
                max = Math.max(max, reach);
                if (bar.value() > 0) {
                    minPositive = Math.min(minPositive, bar.value());
                }
            }
        }
        // a linear axis would flatten 2 ns/op next to 41,000 ns/op into an invisible sliver
        boolean log = max > 0 && max / minPositive > LOG_RATIO;
        Scale x = log
                ? LogScale.covering(minPositive, max, PLOT_LEFT, PLOT_RIGHT)
                : LinearScale.nice(0, max, PLOT_LEFT, PLOT_RIGHT, 5);
        String axisTitle = log ? unit + " (log scale)" : unit;

        List<Shapes.Rect> rects = new ArrayList<>();
        List<Shapes.Line> whiskers = new ArrayList<>();
        List<Shapes.Label> labels = new ArrayList<>();
        double y = TOP;
        for (Group group : groups) {
            labels.add(new Shapes.Label(PLOT_LEFT, y + 12, group.label(), "start", "group-label"));
            y += GROUP_LABEL;
            for (Bar bar : group.bars()) {
                double x0 = x.origin();
                double width = Math.max(MIN_BAR, x.map(Math.max(0, bar.value())) - x0);
                Shapes.LegendItem style = series.get(bar.series());
                String tooltip = group.label() + " " + style.name() + ": " + bar.valueText();
                rects.add(new Shapes.Rect(
                        x0, y, width, BAR_HEIGHT, "mark " + style.cls(), bar.key(), bar.value(), tooltip));
                double mid = y + BAR_HEIGHT / 2;
                double textX = x0 + width + 6;
                if (Double.isFinite(bar.error()) && bar.error() > 0) {
                    double lo = x.map(Math.max(0, bar.value() - bar.error()));
                    double hi = x.map(bar.value() + bar.error());
                    whiskers.add(new Shapes.Line(
                            lo, mid, hi, mid, "whisker", "\u00b1 " + Fmt.num(bar.error()) + " " + unit));
                    textX = Math.max(textX, hi + 6);
                }
                labels.add(new Shapes.Label(textX, mid + 4, bar.valueText(), "start", "value"));
                y += BAR_HEIGHT + BAR_GAP;
            }
            y += GROUP_GAP;
        }
        double plotBottom = y;
        List<Shapes.Line> grid = new ArrayList<>();
        for (double tick : x.ticks(5)) {
            double tx = x.map(tick);
            grid.add(new Shapes.Line(tx, TOP, tx, plotBottom, tx == x.origin() ? "axis" : "grid", null));
            labels.add(new Shapes.Label(tx, plotBottom + 14, Fmt.num(tick), "middle", "tick"));
        }
        labels.add(new Shapes.Label(PLOT_RIGHT, plotBottom + 28, axisTitle, "end", "axis-title"));

        List<Shapes.LegendItem> legend = series.size() > 1 ? series : List.of();
        int height = (int) Math.ceil(plotBottom + AXIS);
        return new Svg(id, title, caption, WIDTH, height, grid, rects, List.of(), whiskers, List.of(), labels, legend);
    }
}
