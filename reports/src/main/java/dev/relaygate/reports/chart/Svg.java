package dev.relaygate.reports.chart;

import java.util.List;

/**
 * One chart, ready to render: its geometry is computed here in Java (scales, ticks, positions)
 * and the template only writes the elements out, escaped. Drawn in this order: grid, rects,
 * polylines, lines, circles, labels.
 */
public record Svg(
        String id,
        String title,
        String caption,
        int width,
        int height,
        List<Shapes.Line> grid,
        List<Shapes.Rect> rects,
        List<Shapes.Polyline> polylines,
        List<Shapes.Line> lines,
        List<Shapes.Circle> circles,
        List<Shapes.Label> labels,
        List<Shapes.LegendItem> legend) {

    public Svg {
        grid = List.copyOf(grid);
        rects = List.copyOf(rects);
        polylines = List.copyOf(polylines);
        lines = List.copyOf(lines);
        circles = List.copyOf(circles);
        labels = List.copyOf(labels);
        legend = List.copyOf(legend);
    }

    /** The number of shapes that stand for a data value. */
    public long markCount() {
        return rects.stream().filter(r -> isMark(r.cls())).count()
                + circles.stream().filter(c -> isMark(c.cls())).count()
                + lines.stream().filter(l -> isMark(l.cls())).count();
    }

    static boolean isMark(String cls) {
        return (" " + cls + " ").contains(" mark ");
    }
}
