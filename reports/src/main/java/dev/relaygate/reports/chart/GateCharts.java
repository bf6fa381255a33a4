package dev.relaygate.reports.chart;

import dev.relaygate.reports.format.Fmt;
import dev.relaygate.reports.input.GateResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The gate charts: latency percentiles, rollout timelines, TTFT and relay overhead. */
public final class GateCharts {

    /** Percentiles drawn as bars; max is left to the table, it would flatten every other bar. */
    static final List<String> LATENCY_KEYS = List.of("p50", "p95", "p99", "p999");

    private GateCharts() {}

    /** A result's name in an element id: {@code portkey/steady-state} becomes {@code portkey--steady-state}. */
    public static String idPart(String name) {
        return name.replace("/", "--");
    }

    /** A result's name for reading: {@code portkey/steady-state} becomes {@code portkey · steady-state}. */
    public static String display(String name) {
        return name.replace("/", " \u00b7 ");
    }

    private static String signed(double value) {
        return value < 0 ? "\u2212" + Fmt.num(-value) : "+" + Fmt.num(value);
    }

    private static List<Shapes.LegendItem> styles(List<String> names) {
        List<Shapes.LegendItem> styles = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            styles.add(new Shapes.LegendItem("q" + i, names.get(i)));
        }
        return styles;
    }

    /** Latency percentiles of every gate that reports them, on one shared millisecond axis. */
    public static Optional<Svg> latency(List<GateResult> gates) {
        Map<String, GateResult> byName = new LinkedHashMap<>();
        gates.forEach(g -> byName.put(g.gate(), g));
        return latency(byName);
    }

    /**
     * Latency percentiles of every result that reports them, named by its key ({@code <gate>}, or
     * {@code <relay>/<gate>} for a comparison result), on one shared millisecond axis.
     */
    public static Optional<Svg> latency(Map<String, GateResult> results) {
        List<BarChart.Group> groups = new ArrayList<>();
        for (Map.Entry<String, GateResult> entry : results.entrySet()) {
            String name = entry.getKey();
            GateResult gate = entry.getValue();
            List<BarChart.Bar> bars = new ArrayList<>();
            for (int i = 0; i < LATENCY_KEYS.size(); i++) {
                Double value = gate.percentilesMs().get(LATENCY_KEYS.get(i));
                if (value != null) {
                    bars.add(new BarChart.Bar(
                            i,
                            value,
                            Double.NaN,
                            name + "/" + LATENCY_KEYS.get(i),
                            LATENCY_KEYS.get(i) + " " + Fmt.num(value) + " ms"));
                }
            }
            if (!bars.isEmpty()) {
                groups.add(new BarChart.Group(display(name), bars));
            }
        }
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BarChart.horizontal(
                "chart-latency",
                "Latency percentiles per gate",
                "Client-observed response time as each gate recorded it (warm-up excluded).",
                "ms",
                styles(LATENCY_KEYS),
                groups));
    }

    /**
     * Green weight (percent, left axis) and green error rate (percent, right axis) per timeline
     * sample, with the gate's events (fault onset, rollback) as markers. Time in seconds.
     */
    public static Optional<Svg> timeline(GateResult gate) {
        return timeline(gate, gate.gate());
    }

    /** {@link #timeline(GateResult)} of the result named {@code name} ({@code <gate>} or {@code <relay>/<gate>}). */
    public static Optional<Svg> timeline(GateResult gate, String name) {
        List<double[]> weights = new ArrayList<>();
        List<double[]> errors = new ArrayList<>();
        double maxT = 0;
        double maxError = 0;
        double maxWeight = 0;
        for (GateResult.TimelinePoint point : gate.timeline()) {
            double seconds = point.tMs() / 1000.0;
            maxT = Math.max(maxT, seconds);
            if (point.greenWeight() != null) {
                weights.add(new double[] {seconds, point.greenWeight()});
                maxWeight = Math.max(maxWeight, point.greenWeight());
            }
            if (point.greenErrorRate() != null) {
                double percent = point.greenErrorRate() * 100;
                errors.add(new double[] {seconds, percent});
                maxError = Math.max(maxError, percent);
            }
        }
        if (weights.isEmpty() && errors.isEmpty()) {
            return Optional.empty();
        }
        List<LineChart.Marker> markers = markers(gate.events());
        for (LineChart.Marker marker : markers) {
            maxT = Math.max(maxT, marker.x());
        }
        List<LineChart.Series> series = new ArrayList<>();
        if (!weights.isEmpty()) {
            series.add(new LineChart.Series("green weight", 1, LineChart.Side.LEFT, true, weights, "%"));
        }
        if (!errors.isEmpty()) {
            series.add(new LineChart.Series("green error rate", 3, LineChart.Side.RIGHT, false, errors, "%"));
        }
        return Optional.of(LineChart.build(
                "chart-timeline-" + idPart(name),
                "Rollout timeline \u2014 " + display(name),
                "Green's traffic share and error rate per sample; vertical lines mark the gate's events.",
                new LineChart.Axis(0, maxT, "s"),
                // a 10 % canary on a 0..100 axis would hug the floor; scale to the largest weight instead
                new LineChart.Axis(0, Math.max(1, maxWeight), "green weight %"),
                new LineChart.Axis(0, Math.max(1, maxError), "green error rate %"),
                series,
                markers));
    }

    /**
     * One marker per event name at its first instant; a name seen N times (e.g. 400 broken
     * streams) is labelled "(first of N)" rather than drawn 400 times.
     */
    static List<LineChart.Marker> markers(List<GateResult.GateEvent> events) {
        Map<String, List<GateResult.GateEvent>> byName = new LinkedHashMap<>();
        for (GateResult.GateEvent event : events) {
            byName.computeIfAbsent(event.name(), k -> new ArrayList<>()).add(event);
        }
        List<LineChart.Marker> markers = new ArrayList<>();
        byName.forEach((name, list) -> {
            double first =
                    list.stream().mapToDouble(GateResult.GateEvent::tMs).min().orElse(0) / 1000.0;
            markers.add(
                    new LineChart.Marker(first, list.size() == 1 ? name : name + " (first of " + list.size() + ")"));
        });
        markers.sort(Comparator.comparingDouble(LineChart.Marker::x));
        return markers;
    }

    /** Time to first token of a streaming gate ({@code series.ttft_ms}), one bar per percentile. */
    public static Optional<Svg> ttft(GateResult gate) {
        return ttft(gate, gate.gate());
    }

    /** {@link #ttft(GateResult)} of the result named {@code name} ({@code <gate>} or {@code <relay>/<gate>}). */
    public static Optional<Svg> ttft(GateResult gate, String name) {
        Map<String, Double> ttft = Percentiles.ordered(gate.series("ttft_ms"));
        if (ttft.isEmpty()) {
            return Optional.empty();
        }
        List<BarChart.Group> groups = new ArrayList<>();
        ttft.forEach((percentile, value) -> groups.add(new BarChart.Group(
                percentile,
                List.of(new BarChart.Bar(
                        0, value, Double.NaN, name + "/ttft/" + percentile, Fmt.num(value) + " ms")))));
        return Optional.of(BarChart.horizontal(
                "chart-ttft-" + idPart(name),
                "Time to first token \u2014 " + display(name),
                "Distribution of the time from request to the first streamed token.",
                "ms",
                List.of(new Shapes.LegendItem("s4", "time to first token")),
                groups));
    }

    /** Direct against relayed latency per percentile ({@code series.direct_us}, {@code series.relayed_us}). */
    public static Optional<Svg> overhead(GateResult gate) {
        return overhead(gate, gate.gate());
    }

    /** {@link #overhead(GateResult)} of the result named {@code name} ({@code <gate>} or {@code <relay>/<gate>}). */
    public static Optional<Svg> overhead(GateResult gate, String name) {
        Map<String, Double> direct = gate.series("direct_us");
        Map<String, Double> relayed = gate.series("relayed_us");
        if (direct.isEmpty() || relayed.isEmpty()) {
            return Optional.empty();
        }
        Set<String> percentiles = new TreeSet<>(Percentiles.ORDER.thenComparing(Comparator.naturalOrder()));
        percentiles.addAll(direct.keySet());
        percentiles.addAll(relayed.keySet());
        List<BarChart.Group> groups = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (String percentile : percentiles) {
            List<BarChart.Bar> bars = new ArrayList<>();
            Double d = direct.get(percentile);
            Double r = relayed.get(percentile);
            if (d != null) {
                bars.add(new BarChart.Bar(0, d, Double.NaN, name + "/direct/" + percentile, Fmt.num(d) + " \u00b5s"));
            }
            if (r != null) {
                bars.add(new BarChart.Bar(1, r, Double.NaN, name + "/relayed/" + percentile, Fmt.num(r) + " \u00b5s"));
            }
            String label = percentile;
            if (d != null && r != null) {
                label += " (added " + signed(r - d) + " \u00b5s)";
                added.add(percentile + " " + signed(r - d) + " \u00b5s");
            }
            groups.add(new BarChart.Group(label, bars));
        }
        return Optional.of(BarChart.horizontal(
                "chart-overhead-" + idPart(name),
                "Relay overhead \u2014 " + display(name),
                "Open-loop latency from the intended send time: straight to the mock vs through the relay"
                        + (added.isEmpty() ? "." : "; added latency: " + String.join(", ", added) + "."),
                "\u00b5s",
                List.of(new Shapes.LegendItem("s5", "direct"), new Shapes.LegendItem("s1", "relayed")),
                groups));
    }
}
