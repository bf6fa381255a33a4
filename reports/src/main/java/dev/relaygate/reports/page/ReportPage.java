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
        ClaimsView claims,
        List<InputRow> inputs,
        RelaysView relays,
        GatesView gates,
        JmhView jmh,
        RoiView roi,
        FooterView footer) {

    /**
     * The banner: css is pass or fail. {@code notRequested}: the default gates left out, by a {@code -Dgates=}
     * subset or because this is a {@code comparison} build; {@code notSupported}: the results whose relay could
     * not run them.
     */
    public record VerdictView(
            String status,
            String headline,
            String css,
            List<String> failures,
            List<String> loosened,
            boolean comparison,
            List<String> notRequested,
            List<String> notSupported,
            String runId,
            String claims) {}

    /**
     * The claims scorecard: one row per claim, the scenarios the ROI claims were computed on, or the claims
     * file's errors. Null on the page when there is no claims file.
     */
    public record ClaimsView(
            String file, String tally, List<ClaimRow> rows, List<ScenarioView> scenarios, List<String> errors) {}

    /**
     * One claim judged: {@code verdict} its label, {@code css} holds, refuted, not-tested or untestable;
     * {@code evidenceHref} the page anchor of its evidence and {@code evidenceLabel} what it is.
     */
    public record ClaimRow(
            String anchor,
            String quote,
            String source,
            String reading,
            String verdict,
            String css,
            String claimed,
            String measured,
            String reason,
            String command,
            String arithmetic,
            String evidenceHref,
            String evidenceLabel) {}

    /** An ROI scenario of the claims file, with the figures its claims were held against. */
    public record ScenarioView(String anchor, String usage, String claims, List<Kv> figures) {}

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

    /**
     * One gate result. {@code passed} is the verdict's (a stale or aborted result fails whatever it says) and
     * the result's own (a not-supported result or a peer's failed gate did not pass); {@code css} is pass, fail
     * or unsupported. {@code title} is the gate id, or {@code <relay> · <gate>} for a comparison result;
     * {@code anchor} the row's element id; {@code notSupported} the reason, shown instead of the checks;
     * {@code note} why a peer's failed gate does not fail the build (null otherwise).
     */
    public record GateRow(
            String key,
            String anchor,
            String title,
            String gate,
            String description,
            String relay,
            boolean passed,
            String css,
            String badge,
            String notSupported,
            String note,
            List<Kv> thresholds,
            List<Kv> measured,
            List<Kv> targets,
            List<String> failures,
            String gatlingHref,
            String gatlingNote,
            String started,
            String duration) {}

    public record InvalidGate(String key, String anchor, String file, List<String> errors) {}

    public record GatesView(
            Status status,
            int passedCount,
            int notSupportedCount,
            List<GateRow> rows,
            List<InvalidGate> invalid,
            Svg latency,
            List<Svg> timelines,
            List<Svg> ttft,
            List<Svg> overhead) {}

    /**
     * The "Relays compared" table: one column per relay in the manifest's order, then the direct arm; one row
     * per compared figure; notes hold the reasons cells refer to (not supported, not measured).
     */
    public record RelaysView(List<RelayColumn> columns, List<CompareRow> rows, List<CellNote> notes) {}

    /** A relay's column head: its name, how it ran and its one-line description (empty for "direct"). */
    public record RelayColumn(String name, String kind, String description) {}

    public record CompareRow(String label, List<CompareCell> cells) {}

    /**
     * One figure of one relay. {@code css} is pass, fail, unsupported or none; {@code href} the result's
     * section ({@code #gate-...}), null when there is none; {@code marker} "failed" on a failed gate's figure;
     * {@code note} the number of the note that says why (null when none) and {@code title} its text.
     */
    public record CompareCell(String text, String css, String href, String marker, Integer note, String title) {
        public String noteAnchor() {
            return note == null ? null : "relays-note-" + note;
        }
    }

    public record CellNote(int number, String text) {
        public String anchor() {
            return "relays-note-" + number;
        }
    }

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
            String savingsBand,
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
            Svg tornado,
            List<SensitivityRow> sensitivity,
            List<Kv> about) {}

    public record RunRow(String gates, String commit, String jvm, String cores, String seed, String load) {}

    public record FooterView(List<RunRow> runs, List<Kv> about) {}
}
