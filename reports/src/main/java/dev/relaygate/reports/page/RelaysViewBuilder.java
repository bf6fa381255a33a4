package dev.relaygate.reports.page;

import dev.relaygate.reports.chart.GateCharts;
import dev.relaygate.reports.format.Fmt;
import dev.relaygate.reports.input.GateFile;
import dev.relaygate.reports.input.GateManifest;
import dev.relaygate.reports.input.GateResult;
import dev.relaygate.reports.verdict.VerdictJudge;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The "Relays compared" section of a comparison build: the comparison gates' figures side by side, one column
 * per relay in the manifest's order plus the direct arm (the mock upstream without a relay) where the
 * relay-overhead gate measured it. Each cell links to its result's row in the gates section.
 */
final class RelaysViewBuilder {

    static final String OVERHEAD = "relay-overhead";
    static final String SPLIT = "split-accuracy";
    static final String STREAMING = "streaming-integrity";
    static final String FAULT = "errors-under-fault";
    static final String DIRECT = "direct";

    private static final String NONE = "\u2014";
    private static final String NOT_MEASURED = "not measured";

    private final Map<String, GateFile> files = new LinkedHashMap<>();
    private final Map<String, ReportPage.GateRow> rows = new LinkedHashMap<>();
    private final Map<String, ReportPage.InvalidGate> invalid = new LinkedHashMap<>();
    private final Map<String, Integer> noteNumbers = new LinkedHashMap<>();
    private final String runId;

    private RelaysViewBuilder(List<GateFile> files, ReportPage.GatesView gates, String runId) {
        this.runId = runId;
        files.forEach(f -> this.files.put(f.key(), f));
        gates.rows().forEach(r -> rows.put(r.key(), r));
        gates.invalid().forEach(i -> invalid.put(i.key(), i));
    }

    /**
     * Null when the gates folder holds no comparison result: the section is then left out. {@code runId}: the
     * run the verdict held every result to.
     */
    static ReportPage.RelaysView build(
            List<GateFile> files, ReportPage.GatesView gates, GateManifest manifest, String runId) {
        List<String> relays = relays(files, manifest);
        if (files.stream().noneMatch(f -> f.key().contains("/")) || relays.isEmpty()) {
            return null;
        }
        return new RelaysViewBuilder(files, gates, runId).view(relays);
    }

    /** The manifest's comparison relays, in its order; without one, the relay folders that hold results. */
    private static List<String> relays(List<GateFile> files, GateManifest manifest) {
        if (manifest != null && manifest.comparison() != null) {
            return manifest.comparison().relays();
        }
        Set<String> found = new LinkedHashSet<>();
        files.stream()
                .map(GateFile::key)
                .filter(k -> k.contains("/"))
                .forEach(k -> found.add(k.substring(0, k.indexOf('/'))));
        return List.copyOf(found);
    }

    private ReportPage.RelaysView view(List<String> relays) {
        List<ReportPage.RelayColumn> columns = new ArrayList<>();
        for (String relay : relays) {
            Optional<GateResult.Relay> described = files.values().stream()
                    .filter(f -> f.key().startsWith(relay + "/"))
                    .filter(GateFile.Valid.class::isInstance)
                    .map(f -> ((GateFile.Valid) f).result().relay())
                    .filter(Objects::nonNull)
                    .findFirst();
            columns.add(new ReportPage.RelayColumn(
                    relay,
                    described.map(GateResult.Relay::kind).orElse(""),
                    described.map(GateResult.Relay::description).orElse("")));
        }
        columns.add(new ReportPage.RelayColumn(DIRECT, "no relay", "straight to the mock upstream"));

        List<ReportPage.CompareRow> table = new ArrayList<>();
        String rate = firstMeasured(relays, OVERHEAD, "rate_per_sec")
                .map(r -> " at " + Fmt.num(r) + " req/s")
                .orElse("");
        table.add(row(
                "Added latency p50 / p99" + rate,
                relays,
                OVERHEAD,
                m -> pair(m, "p50_added_ms", "p99_added_ms", true),
                m -> pair(m, "direct_p50_ms", "direct_p99_ms", false)));
        table.add(row(
                "Saturated throughput",
                relays,
                OVERHEAD,
                m -> number(m, "relayed_saturated_per_sec").map(v -> Fmt.num(v) + " req/s"),
                m -> number(m, "direct_saturated_per_sec").map(v -> Fmt.num(v) + " req/s")));
        table.add(cpuRow(relays));
        String expected = firstMeasured(relays, SPLIT, "expected_green_share")
                .map(s -> ", expected " + Fmt.fractionPct(s))
                .orElse("");
        table.add(row(
                "Split p-value (green share" + expected + ")",
                relays,
                SPLIT,
                m -> number(m, "split_p_value")
                        .flatMap(p -> number(m, "green_share")
                                .map(g -> "p = " + pValue(p) + " (green " + Fmt.fractionPct(g) + ")")),
                null));
        table.add(row(
                "Broken streams",
                relays,
                STREAMING,
                m -> number(m, "broken_streams")
                        .flatMap(b -> number(m, "streams").map(n -> Fmt.num(b) + " of " + Fmt.num(n))),
                null));
        table.add(row(
                "Client-visible errors under the fault",
                relays,
                FAULT,
                m -> number(m, "client_error_ratio").map(Fmt::fractionPct),
                null));
        table.add(row(
                "Time to stop sending to green",
                relays,
                FAULT,
                m -> {
                    String field = "stopped_sending_to_green_after_ms";
                    if (m.containsKey(field) && m.get(field) == null) {
                        // present and null: green kept getting traffic to the end of the fault
                        return Optional.of("never");
                    }
                    return number(m, field).map(ms -> Fmt.num(ms / 1000.0) + " s");
                },
                null));
        List<ReportPage.CellNote> notes = new ArrayList<>();
        noteNumbers.forEach((text, number) -> notes.add(new ReportPage.CellNote(number, text)));
        return new ReportPage.RelaysView(columns, table, notes);
    }

    /** CPU per request; when it was not measured, the gate's {@code relay_cpu_method} says why. */
    private ReportPage.CompareRow cpuRow(List<String> relays) {
        List<ReportPage.CompareCell> cells = new ArrayList<>();
        for (String relay : relays) {
            String key = relay + "/" + OVERHEAD;
            ReportPage.CompareCell cell =
                    cell(key, m -> number(m, "relay_cpu_us_per_request").map(v -> Fmt.num(v) + " \u00b5s"));
            GateResult result = usable(key);
            Object method = result == null ? null : result.measured().get("relay_cpu_method");
            if (result != null && method != null) {
                if (NOT_MEASURED.equals(cell.text())) {
                    int note = note(relay + " CPU: " + method);
                    cell = new ReportPage.CompareCell(
                            cell.text(), cell.css(), cell.href(), cell.marker(), note, String.valueOf(method));
                } else if (cell.title() == null) {
                    cell = new ReportPage.CompareCell(
                            cell.text(), cell.css(), cell.href(), cell.marker(), cell.note(), String.valueOf(method));
                }
            }
            cells.add(cell);
        }
        cells.add(noDirectFigure());
        return new ReportPage.CompareRow("Relay CPU per request", cells);
    }

    private ReportPage.CompareRow row(
            String label,
            List<String> relays,
            String gate,
            Function<Map<String, Object>, Optional<String>> figure,
            Function<Map<String, Object>, Optional<String>> directFigure) {
        List<ReportPage.CompareCell> cells = new ArrayList<>();
        for (String relay : relays) {
            cells.add(cell(relay + "/" + gate, figure));
        }
        cells.add(directFigure == null ? noDirectFigure() : direct(relays, gate, directFigure));
        return new ReportPage.CompareRow(label, cells);
    }

    /** One relay's figure of one gate, or what stands in its place: not supported, not measured, no result. */
    private ReportPage.CompareCell cell(String key, Function<Map<String, Object>, Optional<String>> figure) {
        GateFile file = files.get(key);
        if (file == null) {
            return new ReportPage.CompareCell("no result", "fail", null, null, null, null);
        }
        if (file instanceof GateFile.Invalid) {
            return new ReportPage.CompareCell(
                    "invalid result", "fail", "#" + invalid.get(key).anchor(), null, null, null);
        }
        GateResult result = ((GateFile.Valid) file).result();
        ReportPage.GateRow row = rows.get(key);
        String href = "#" + row.anchor();
        String unusable = VerdictJudge.unusable(result, runId);
        if (unusable != null) {
            // the verdict did not accept it (stale, aborted, self-contradictory): its figures are not shown
            return new ReportPage.CompareCell(
                    result.wasAborted() ? "aborted" : "not accepted", "fail", href, null, null, unusable);
        }
        if (result.wasNotSupported()) {
            // the reason names its relay ("not supported by external: ..."); one note per distinct reason
            int note = note(result.notSupported());
            return new ReportPage.CompareCell("not supported", "unsupported", href, null, note, result.notSupported());
        }
        String text = figure.apply(result.measured()).orElse(NOT_MEASURED);
        return result.passed()
                ? new ReportPage.CompareCell(text, "pass", href, null, null, null)
                : new ReportPage.CompareCell(text, "fail", href, "failed", null, String.join("; ", result.failures()));
    }

    /** The direct arm's figure, from the first relay's relay-overhead result that measured it. */
    private ReportPage.CompareCell direct(
            List<String> relays, String gate, Function<Map<String, Object>, Optional<String>> figure) {
        for (String relay : relays) {
            String key = relay + "/" + gate;
            GateResult result = usable(key);
            if (result != null) {
                Optional<String> text = figure.apply(result.measured());
                if (text.isPresent()) {
                    return new ReportPage.CompareCell(
                            text.get(),
                            "none",
                            "#" + rows.get(key).anchor(),
                            null,
                            null,
                            "measured in " + GateCharts.display(key));
                }
            }
        }
        return new ReportPage.CompareCell(NOT_MEASURED, "none", null, null, null, null);
    }

    private static ReportPage.CompareCell noDirectFigure() {
        return new ReportPage.CompareCell(NONE, "none", null, null, null, null);
    }

    /** A result whose figures count: this run's, believed and run (held or failed); else null. */
    private GateResult usable(String key) {
        if (!(files.get(key) instanceof GateFile.Valid valid)) {
            return null;
        }
        GateResult result = valid.result();
        return result.wasNotSupported() || VerdictJudge.unusable(result, runId) != null ? null : result;
    }

    private Optional<Double> firstMeasured(List<String> relays, String gate, String field) {
        for (String relay : relays) {
            GateResult result = usable(relay + "/" + gate);
            if (result != null) {
                Optional<Double> value = number(result.measured(), field);
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    /** The number of the note with this text, numbering a new one. */
    private int note(String text) {
        return noteNumbers.computeIfAbsent(text, t -> noteNumbers.size() + 1);
    }

    private static Optional<Double> number(Map<String, Object> measured, String field) {
        return measured.get(field) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    /** "+0.142 / +0.61 ms" (added latency, signed) or "0.182 / 0.39 ms"; empty unless both were measured. */
    private static Optional<String> pair(Map<String, Object> measured, String p50, String p99, boolean signed) {
        return number(measured, p50)
                .flatMap(a -> number(measured, p99)
                        .map(b ->
                                (signed ? signed(a) : Fmt.num(a)) + " / " + (signed ? signed(b) : Fmt.num(b)) + " ms"));
    }

    private static String signed(double value) {
        return value < 0 ? "\u2212" + Fmt.num(-value) : "+" + Fmt.num(value);
    }

    /** A p-value below 0.0001 reads as "< 0.0001", not as a rounded 0. */
    static String pValue(double p) {
        return p > 0 && p < 0.0001 ? "< 0.0001" : Fmt.num(p);
    }
}
