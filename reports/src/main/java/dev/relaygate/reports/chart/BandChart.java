package dev.relaygate.reports.chart;

import dev.relaygate.reports.format.Fmt;
import java.util.ArrayList;
import java.util.List;

/**
 * One uncertainty band on a money axis: P10..P90 as a bar, P50 as a tick, the deterministic
 * figure as a dot, and a reference line (the migration cost the savings must cover).
 */
public final class BandChart {

    static final int WIDTH = 1000;
    static final int HEIGHT = 118;
    static final double LEFT = 14;
    static final double RIGHT = WIDTH - 30;
    static final double BAND_TOP = 38;
    static final double BAND_HEIGHT = 22;

    private BandChart() {}

    public static Svg build(
            String id,
            String title,
            String caption,
            String currency,
            double p10,
            double p50,
            double p90,
            double deterministic,
            double reference,
            String referenceLabel) {
        double min = Math.min(Math.min(p10, deterministic), Math.min(reference, 0));
        double max = Math.max(Math.max(p90, deterministic), reference);
        LinearScale x = LinearScale.nice(min, max, LEFT, RIGHT, 6);

        List<Shapes.Line> grid = new ArrayList<>();
        List<Shapes.Label> labels = new ArrayList<>();
        double axisY = BAND_TOP + BAND_HEIGHT + 14;
        for (double tick : x.ticks(6)) {
            grid.add(
                    new Shapes.Line(x.map(tick), BAND_TOP - 10, x.map(tick), axisY, tick == 0 ? "axis" : "grid", null));
            labels.add(new Shapes.Label(x.map(tick), axisY + 14, Fmt.num(tick), "middle", "tick"));
        }
        labels.add(new Shapes.Label(RIGHT, axisY + 28, currency, "end", "axis-title"));

        double x10 = x.map(p10);
        double x90 = x.map(p90);
        double width = Math.max(2, x90 - x10);
        List<Shapes.Rect> rects = List.of(new Shapes.Rect(
                x10,
                BAND_TOP,
                width,
                BAND_HEIGHT,
                "mark band",
                "p10-p90",
                p90 - p10,
                "P10 " + Fmt.money(p10, currency) + " to P90 " + Fmt.money(p90, currency)));
        double x50 = x.map(p50);
        List<Shapes.Line> lines = new ArrayList<>();
        lines.add(new Shapes.Line(
                x50, BAND_TOP - 4, x50, BAND_TOP + BAND_HEIGHT + 4, "mark median", "P50 " + Fmt.money(p50, currency)));
        double xr = x.map(reference);
        lines.add(new Shapes.Line(
                xr,
                BAND_TOP - 14,
                xr,
                BAND_TOP + BAND_HEIGHT + 8,
                "event",
                referenceLabel + " " + Fmt.money(reference, currency)));
        List<Shapes.Circle> circles = List.of(new Shapes.Circle(
                x.map(deterministic),
                BAND_TOP + BAND_HEIGHT / 2,
                5,
                "mark point",
                "deterministic",
                deterministic,
                "deterministic " + Fmt.money(deterministic, currency)));

        // P10 and P90 beside the band's ends, so a narrow band never makes them collide
        double labelY = BAND_TOP + BAND_HEIGHT / 2 + 4;
        String p10Text = "P10 " + Fmt.money(p10, currency);
        if (x10 - LEFT > 150) {
            labels.add(new Shapes.Label(x10 - 8, labelY, p10Text, "end", "value"));
        } else {
            labels.add(new Shapes.Label(x10, BAND_TOP + BAND_HEIGHT + 12, p10Text, "start", "value"));
        }
        String p90Text = "P90 " + Fmt.money(p90, currency);
        if (RIGHT - x90 > 150) {
            labels.add(new Shapes.Label(x90 + 8, labelY, p90Text, "start", "value"));
        } else {
            labels.add(new Shapes.Label(x90, BAND_TOP + BAND_HEIGHT + 12, p90Text, "end", "value"));
        }
        labels.add(new Shapes.Label(
                xr + 4, BAND_TOP - 18, referenceLabel + " " + Fmt.money(reference, currency), "start", "event-label"));

        List<Shapes.LegendItem> legend = List.of(
                new Shapes.LegendItem("band", "P10\u2013P90 (Monte Carlo)"),
                new Shapes.LegendItem("median", "P50"),
                new Shapes.LegendItem("point", "deterministic figure"),
                new Shapes.LegendItem("event", referenceLabel));
        return new Svg(id, title, caption, WIDTH, HEIGHT, grid, rects, List.of(), lines, circles, labels, legend);
    }
}
