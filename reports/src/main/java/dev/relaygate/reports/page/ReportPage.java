package dev.relaygate.reports.page;

import dev.relaygate.reports.chart.Svg;
import java.util.List;

/**
 * Everything the template shows, already formatted: the template only lays it out. Text stays
 * text here; HTML escaping is the template engine's job.
 */
public record ReportPage(
        String generatedAt,
        VerdictView verdict,
        List<InputRow> inputs,
        GatesView gates,
        JmhView jmh,
        RoiView roi,
        FooterView footer) {

    /** The banner: css is pass or fail. */
    public record VerdictView(
            String status,
            String headline,
            String css,
            List<String> failures,
            List<String> loosened,
            List<String> notRequested,
            String runId) {}

    /** The state of one input: present, missing ("not run", with the command that produces it) or invalid. */
    public record Status(String state, String path, String command, String message) {
        public boolean present() {
            return "present".equals(state);
        }

        public boolean missing() {
            return "missing".equals(state);
        }

        public boolean invalid() {
            return "invalid".equals(state);
        }
    }

    public record InputRow(String name, Status status) {}

    /** A key and its formatted value. */
    public record Kv(String key, String value) {}

    /** One gate; {@code passed} is the verdict's (a stale or aborted result fails whatever it says). */
    public record GateRow(
            String gate,
            String description,
            boolean passed,
            String badge,
            List<Kv> thresholds,
            List<Kv> measured,
            List<Kv> targets,
            List<String> failures,
            String gatlingHref,
            String gatlingNote,
            String started,
            String duration) {}

    public record InvalidGate(String file, List<String> errors) {}

    public record GatesView(
            Status status,
            int passedCount,
            List<GateRow> rows,
            List<InvalidGate> invalid,
            Svg latency,
            List<Svg> timelines,
            List<Svg> ttft,
            List<Svg> overhead) {}

    public record BenchmarkRow(String label, String mode, String score, String error, String unit, String bytesPerOp) {}

    public record CheckRow(
            String benchmark, String metric, String measured, String limit, boolean passed, String message) {}

    public record JmhView(
            Status results,
            Status gate,
            String gateSummary,
            boolean gatePassed,
            List<CheckRow> checks,
            List<BenchmarkRow> benchmarks,
            Svg time,
            Svg alloc) {}

    public record Card(String label, String value, String note) {}

    public record ModelRow(
            String model,
            String provider,
            String tokens,
            String direct,
            String relay,
            String savings,
            String savingsPct,
            String advice,
            boolean routeDirect,
            String rules,
            String source,
            List<BreakdownRow> breakdown) {}

    public record BreakdownRow(
            String kind,
            String mtok,
            String directPerMtok,
            String directCost,
            String relayPerMtok,
            String relayCost,
            String relayRule) {}

    public record SensitivityRow(String input, String low, String high, String savingsLow, String savingsHigh) {}

    public record RoiView(
            Status status,
            List<Card> cards,
            List<ModelRow> models,
            Svg costs,
            Svg band,
            Svg projection,
            List<SensitivityRow> sensitivity,
            List<Kv> about) {}

    public record RunRow(String gates, String commit, String jvm, String cores, String seed, String load) {}

    public record FooterView(List<RunRow> runs, List<Kv> about) {}
}
