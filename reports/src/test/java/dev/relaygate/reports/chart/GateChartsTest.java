package dev.relaygate.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.reports.input.GateResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class GateChartsTest {

    @Test
    void percentileKeysAreOrderedAsReadNotAsWritten() {
        Map<String, Double> written = new LinkedHashMap<>();
        written.put("p999", 52.7);
        written.put("max", 71.3);
        written.put("p50", 1.7);
        written.put("min", 0.4);
        written.put("p99", 34.3);
        written.put("p95", 13.5);
        assertThat(Percentiles.ordered(written).keySet()).containsExactly("min", "p50", "p95", "p99", "p999", "max");
    }

    @Test
    void overheadGroupsFollowPercentileOrderWithBothArmsPerGroup() {
        Map<String, Map<String, Double>> series = Map.of(
                "direct_us", Map.of("p99", 390.0, "max", 900.0, "p50", 182.0),
                "relayed_us", Map.of("p50", 324.0, "p99", 1000.0, "max", 1500.0));
        Svg chart = GateCharts.overhead(gate(series, List.of())).orElseThrow();
        assertThat(chart.rects())
                .extracting(Shapes.Rect::key)
                .containsExactly(
                        "g/direct/p50",
                        "g/relayed/p50",
                        "g/direct/p99",
                        "g/relayed/p99",
                        "g/direct/max",
                        "g/relayed/max");
        assertThat(chart.caption()).contains("p50 +142 µs, p99 +610 µs, max +600 µs");
    }

    @Test
    void repeatedEventsBecomeOneMarkerAtTheirFirstInstant() {
        List<GateResult.GateEvent> events = List.of(
                new GateResult.GateEvent(16662, "broken_stream", "no event arrived"),
                new GateResult.GateEvent(16706, "broken_stream", "no event arrived"),
                new GateResult.GateEvent(16842, "traffic_shift", "green 50"),
                new GateResult.GateEvent(16500, "broken_stream", "no event arrived"),
                new GateResult.GateEvent(25415, "rollback", "admin rollback"));
        assertThat(GateCharts.markers(events))
                .containsExactly(
                        new LineChart.Marker(16.5, "broken_stream (first of 3)"),
                        new LineChart.Marker(16.842, "traffic_shift"),
                        new LineChart.Marker(25.415, "rollback"));
    }

    @Test
    void gatesWithoutTheirDataGetNoChart() {
        GateResult bare = gate(Map.of(), List.of());
        assertThat(GateCharts.timeline(bare)).isEmpty();
        assertThat(GateCharts.ttft(bare)).isEmpty();
        assertThat(GateCharts.overhead(gate(Map.of("direct_us", Map.of("p50", 1.0)), List.of())))
                .isEmpty();
        assertThat(GateCharts.latency(List.of(bare))).isEmpty();
    }

    private static GateResult gate(Map<String, Map<String, Double>> series, List<GateResult.GateEvent> events) {
        return new GateResult(
                "g", true, "d", null, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), series, List.of(), events,
                null, null, 0, "run", false, Map.of(), null, null);
    }
}
