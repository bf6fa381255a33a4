package dev.relaygate.reports.chart;

/**
 * The SVG primitives a chart is made of. Coordinates are SVG user units. A "mark" is a shape that
 * stands for one data value: it carries the value and a key (e.g. {@code steady-state/p99}) so
 * tests and readers can find it; its tooltip repeats the value in words.
 */
public final class Shapes {

    private Shapes() {}

    public record Rect(
            double x, double y, double width, double height, String cls, String key, double value, String tooltip) {}

    public record Circle(double cx, double cy, double r, String cls, String key, double value, String tooltip) {}

    public record Line(double x1, double y1, double x2, double y2, String cls, String tooltip) {}

    /** {@code points} is SVG's "x,y x,y ..." list. */
    public record Polyline(String points, String cls) {}

    /** {@code anchor} is SVG's text-anchor: start, middle or end. */
    public record Label(double x, double y, String text, String anchor, String cls) {}

    /** A legend entry: the series' CSS class and its name. */
    public record LegendItem(String cls, String name) {}
}
