package dev.relaygate.reports.chart;

import dev.relaygate.reports.format.Fmt;
import dev.relaygate.reports.input.JmhBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The JMH charts: time per operation (with the score error) and bytes allocated per operation. */
public final class JmhCharts {

    private JmhCharts() {}

    public static Optional<Svg> nanosPerOp(List<JmhBenchmark> benchmarks) {
        List<BarChart.Group> groups = new ArrayList<>();
        for (JmhBenchmark b : benchmarks) {
            b.nanosPerOp()
                    .ifPresent(ns -> groups.add(new BarChart.Group(
                            b.label(),
                            List.of(new BarChart.Bar(
                                    0, ns, b.nanosPerOpError(), b.label() + "/ns", Fmt.num(ns) + " ns/op")))));
        }
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BarChart.horizontal(
                "chart-jmh-time",
                "JMH: time per operation",
                "Average time per operation; the whisker is JMH's 99.9 % score error.",
                "ns/op",
                List.of(new Shapes.LegendItem("s0", "ns/op")),
                groups));
    }

    public static Optional<Svg> bytesPerOp(List<JmhBenchmark> benchmarks) {
        List<BarChart.Group> groups = new ArrayList<>();
        for (JmhBenchmark b : benchmarks) {
            b.bytesPerOp()
                    .ifPresent(bytes -> groups.add(new BarChart.Group(
                            b.label(),
                            List.of(new BarChart.Bar(
                                    0, bytes, Double.NaN, b.label() + "/bytes", Fmt.num(bytes) + " B/op")))));
        }
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BarChart.horizontal(
                "chart-jmh-alloc",
                "JMH: bytes allocated per operation",
                "gc.alloc.rate.norm from -prof gc; a sliver marks a measured zero.",
                "B/op",
                List.of(new Shapes.LegendItem("s2", "B/op")),
                groups));
    }
}
