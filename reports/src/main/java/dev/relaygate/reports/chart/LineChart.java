package dev.relaygate.reports.chart;

import dev.relaygate.reports.format.Fmt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Lines over a shared x axis with a left and an optional right y axis, each point drawn as a
 * mark, plus vertical event markers (fault onset, rollback, payback).
 */
public final class LineChart {

    static final int WIDTH = 1000;
    static final int HEIGHT = 300;
    static final double LEFT = 64;
    static final double RIGHT = WIDTH - 64;
    static final double TOP = 34;
    static final double BOTTOM = HEIGHT - 40;
    static final int LABEL_ROWS = 4;
    /** Estimated width of one 11 px bold label character, to keep event labels apart. */
    static final double CHAR_WIDTH = 6.6;

    private LineChart() {}

    public enum Side {
        LEFT,
        RIGHT
    }

    /** One axis: its data range (widened to include 0 and round ticks) and its title. */
    public record Axis(double min, double max, String title) {}

    /** A series of (x, y) points; a step series holds each value until the next point. */
    public record Series(String name, int style, Side side, boolean step, List<double[]> points, String unit) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /** A vertical marker at {@code x} with a short label. */
    public record Marker(double x, String label) {}

    public static Svg build(
            String id,
            String title,
            String caption,
            Axis xAxis,
            Axis leftAxis,
            Axis rightAxis,
            List<Series> series,
            List<Marker> markers) {
        LinearScale x = LinearScale.nice(xAxis.min(), xAxis.max(), LEFT, RIGHT, 8);
        LinearScale left = LinearScale.nice(leftAxis.min(), leftAxis.max(), BOTTOM, TOP, 5);
        LinearScale right =
                rightAxis == null ? null : LinearScale.nice(rightAxis.min(), rightAxis.max(), BOTTOM, TOP, 5);

        List<Shapes.Line> grid = new ArrayList<>();
        List<Shapes.Label> labels = new ArrayList<>();
        for (double tick : x.ticks(8)) {
            grid.add(new Shapes.Line(x.map(tick), TOP, x.map(tick), BOTTOM, "grid", null));
            labels.add(new Shapes.Label(x.map(tick), BOTTOM + 14, Fmt.num(tick), "middle", "tick"));
        }
        for (double tick : left.ticks(5)) {
            grid.add(new Shapes.Line(LEFT, left.map(tick), RIGHT, left.map(tick), tick == 0 ? "axis" : "grid", null));
            labels.add(new Shapes.Label(LEFT - 6, left.map(tick) + 4, Fmt.num(tick), "end", "tick"));
        }
        if (right != null) {
            for (double tick : right.ticks(5)) {
                labels.add(new Shapes.Label(RIGHT + 6, right.map(tick) + 4, Fmt.num(tick), "start", "tick right"));
            }
            labels.add(new Shapes.Label(RIGHT, TOP - 8, rightAxis.title(), "end", "axis-title right"));
        }
        labels.add(new Shapes.Label(LEFT, TOP - 8, leftAxis.title(), "start", "axis-title"));
        labels.add(new Shapes.Label(RIGHT, BOTTOM + 30, xAxis.title(), "end", "axis-title"));

        List<Shapes.Polyline> polylines = new ArrayList<>();
        List<Shapes.Circle> circles = new ArrayList<>();
        for (Series s : series) {
            LinearScale y = s.side() == Side.RIGHT && right != null ? right : left;
            StringBuilder points = new StringBuilder();
            double previousY = Double.NaN;
            for (double[] p : s.points()) {
                double px = x.map(p[0]);
                double py = y.map(p[1]);
                if (s.step() && !Double.isNaN(previousY)) {
                    points.append(Fmt.px(px))
                            .append(',')
                            .append(Fmt.px(previousY))
                            .append(' ');
                }
                points.append(Fmt.px(px)).append(',').append(Fmt.px(py)).append(' ');
                previousY = py;
                String tooltip =
                        s.name() + " at " + Fmt.num(p[0]) + " " + xAxis.title() + ": " + Fmt.num(p[1]) + " " + s.unit();
                circles.add(new Shapes.Circle(
                        px, py, 2.5, "mark s" + s.style(), s.name() + "@" + Fmt.num(p[0]), p[1], tooltip));
            }
            polylines.add(new Shapes.Polyline(points.toString().trim(), "series s" + s.style()));
        }

        List<Shapes.Line> lines = new ArrayList<>();
        // each label goes to the first row whose previous label ends left of it, so close events stay readable
        double[] rowEnds = new double[LABEL_ROWS];
        Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
        List<Marker> byX =
                markers.stream().sorted(Comparator.comparingDouble(Marker::x)).toList();
        for (Marker marker : byX) {
            double mx = x.map(marker.x());
            lines.add(new Shapes.Line(
                    mx, TOP, mx, BOTTOM, "event", marker.label() + " at " + Fmt.num(marker.x()) + " " + xAxis.title()));
            int row = 0;
            while (row < LABEL_ROWS - 1 && rowEnds[row] > mx) {
                row++;
            }
            double width = marker.label().length() * CHAR_WIDTH;
            boolean flip = mx + 4 + width > RIGHT && mx - 4 - width > LEFT;
            double labelX = flip ? mx - 4 : mx + 4;
            labels.add(new Shapes.Label(
                    labelX, TOP + 12 + row * 13, marker.label(), flip ? "end" : "start", "event-label"));
            rowEnds[row] = flip ? mx + 2 : mx + 8 + width;
        }

        List<Shapes.LegendItem> legend = new ArrayList<>();
        for (Series s : series) {
            legend.add(
                    new Shapes.LegendItem("s" + s.style(), s.name() + (s.side() == Side.RIGHT ? " (right axis)" : "")));
        }
        if (!markers.isEmpty()) {
            legend.add(new Shapes.LegendItem("event", "event marker"));
        }
        return new Svg(id, title, caption, WIDTH, HEIGHT, grid, List.of(), polylines, lines, circles, labels, legend);
    }
}
