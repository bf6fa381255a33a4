package dev.relaygate.reports.page;

import dev.relaygate.reports.chart.GateCharts;
import dev.relaygate.reports.chart.Svg;
import dev.relaygate.reports.format.Fmt;
import dev.relaygate.reports.input.GateFile;
import dev.relaygate.reports.input.GateResult;
import dev.relaygate.reports.input.GatlingRuns;
import dev.relaygate.reports.input.Input;
import dev.relaygate.reports.verdict.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gates section: table rows, invalid files, and the gate charts. */
final class GatesViewBuilder {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path outDir;
    private final GatlingRuns gatlingRuns;

    GatesViewBuilder(Path outDir, GatlingRuns gatlingRuns) {
        this.outDir = outDir.toAbsolutePath().normalize();
        this.gatlingRuns = gatlingRuns;
    }

    ReportPage.GatesView build(Input<List<GateFile>> input, Verdict verdict) {
        ReportPage.Status status = Statuses.of(input, Statuses.GATES_COMMAND);
        List<GateFile> files = input instanceof Input.Present<List<GateFile>> present ? present.value() : List.of();
        List<GateResult> gates = new ArrayList<>();
        List<ReportPage.InvalidGate> invalid = new ArrayList<>();
        for (GateFile file : files) {
            if (file instanceof GateFile.Valid valid) {
                gates.add(valid.result());
            } else if (file instanceof GateFile.Invalid bad) {
                invalid.add(new ReportPage.InvalidGate(bad.file().getFileName().toString(), bad.errors()));
            }
        }
        Map<String, String> verdictOnGate = new HashMap<>();
        verdict.failures().stream()
                .filter(f -> f.kind().equals("gate"))
                .forEach(f -> verdictOnGate.put(f.name(), f.detail()));
        List<ReportPage.GateRow> rows =
                gates.stream().map(g -> row(g, verdictOnGate.get(g.gate()))).toList();
        int passed = (int) rows.stream().filter(ReportPage.GateRow::passed).count();
        List<Svg> timelines = gates.stream()
                .map(GateCharts::timeline)
                .flatMap(Optional::stream)
                .toList();
        List<Svg> ttft =
                gates.stream().map(GateCharts::ttft).flatMap(Optional::stream).toList();
        List<Svg> overhead = gates.stream()
                .map(GateCharts::overhead)
                .flatMap(Optional::stream)
                .toList();
        return new ReportPage.GatesView(
                status, passed, rows, invalid, GateCharts.latency(gates).orElse(null), timelines, ttft, overhead);
    }

    /** {@code verdictFailure}: the verdict's reason this gate failed, null when it passed. */
    private ReportPage.GateRow row(GateResult gate, String verdictFailure) {
        Optional<Path> report = gatlingRuns.reportOf(gate);
        String href = report.map(this::relative).orElse(null);
        String note;
        if (report.isPresent()) {
            note = "Gatling report";
        } else if (gate.simulation() == null) {
            note = "no simulation named in the gate file";
        } else {
            note = "no Gatling run folder found for " + gate.simulation();
        }
        boolean passed = verdictFailure == null;
        String badge = passed ? "PASS" : gate.wasAborted() ? "ABORTED" : gate.passed() ? "NOT ACCEPTED" : "FAIL";
        // the verdict's reason first when it says more than the gate's own sentences (stale, aborted, ...)
        List<String> failures = new ArrayList<>();
        if (verdictFailure != null && !verdictFailure.equals(String.join("; ", gate.failures()))) {
            failures.add(verdictFailure);
        }
        failures.addAll(gate.failures());
        return new ReportPage.GateRow(
                gate.gate(),
                gate.description(),
                passed,
                badge,
                thresholds(gate),
                pairs(gate.measured()),
                pairs(gate.targets()),
                failures,
                href,
                note,
                gate.startInstant().map(GatesViewBuilder::readable).orElse(String.valueOf(gate.startedAt())),
                Fmt.num(gate.durationMs() / 1000.0) + " s");
    }

    private static String readable(Instant instant) {
        return STARTED.format(instant.atOffset(ZoneOffset.UTC)) + " UTC";
    }

    /** A link that still works when the repository folder is moved or opened from disk. */
    private String relative(Path target) {
        return outDir.relativize(target.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /**
     * The gated thresholds; one overridden with {@code -D} shows its default beside it (and "loosened" when
     * the override made the gate easier), and an override that feeds a derived limit is listed by its own name.
     */
    static List<ReportPage.Kv> thresholds(GateResult gate) {
        Map<String, Object> shown = new LinkedHashMap<>(gate.thresholds());
        gate.thresholdOverrides()
                .forEach((name, o) -> shown.put(
                        name,
                        Fmt.num(o.value()) + " (default " + Fmt.num(o.defaultValue())
                                + (o.loosened() ? ", loosened)" : ", tightened)")));
        return pairs(shown);
    }

    static List<ReportPage.Kv> pairs(Map<String, Object> values) {
        List<ReportPage.Kv> pairs = new ArrayList<>();
        values.forEach((key, value) -> pairs.add(new ReportPage.Kv(key, Fmt.value(value))));
        return pairs;
    }
}
