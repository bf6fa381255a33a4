package dev.relaygate.reports.page;

import dev.relaygate.reports.chart.GateCharts;
import dev.relaygate.reports.chart.Svg;
import dev.relaygate.reports.format.Fmt;
import dev.relaygate.reports.input.GateFile;
import dev.relaygate.reports.input.GateManifest;
import dev.relaygate.reports.input.GateResult;
import dev.relaygate.reports.input.GatlingRuns;
import dev.relaygate.reports.input.Input;
import dev.relaygate.reports.verdict.Verdict;
import dev.relaygate.reports.verdict.VerdictJudge;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gates section: one row per result (a comparison result titled {@code <relay> · <gate>}), invalid files,
 * and the gate charts.
 */
final class GatesViewBuilder {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path outDir;
    private final GatlingRuns gatlingRuns;

    GatesViewBuilder(Path outDir, GatlingRuns gatlingRuns) {
        this.outDir = outDir.toAbsolutePath().normalize();
        this.gatlingRuns = gatlingRuns;
    }

    ReportPage.GatesView build(Input<List<GateFile>> input, Verdict verdict, GateManifest manifest) {
        ReportPage.Status status = Statuses.of(input, Statuses.GATES_COMMAND);
        List<GateFile> files =
                ordered(input instanceof Input.Present<List<GateFile>> present ? present.value() : List.of(), manifest);
        Map<String, GateResult> gates = new LinkedHashMap<>();
        List<ReportPage.InvalidGate> invalid = new ArrayList<>();
        for (GateFile file : files) {
            if (file instanceof GateFile.Valid valid) {
                gates.put(valid.key(), valid.result());
            } else if (file instanceof GateFile.Invalid bad) {
                invalid.add(new ReportPage.InvalidGate(
                        bad.key(), anchor(bad.key()), bad.file().getFileName().toString(), bad.errors()));
            }
        }
        Map<String, String> verdictOnGate = new HashMap<>();
        verdict.failures().stream()
                .filter(f -> f.kind().equals("gate"))
                .forEach(f -> verdictOnGate.put(f.name(), f.detail()));
        List<ReportPage.GateRow> rows = new ArrayList<>();
        gates.forEach((key, gate) -> rows.add(row(key, gate, verdictOnGate.get(key))));
        int passed = (int) rows.stream().filter(ReportPage.GateRow::passed).count();
        int notSupported =
                (int) rows.stream().filter(r -> r.notSupported() != null).count();
        List<Svg> timelines = new ArrayList<>();
        List<Svg> ttft = new ArrayList<>();
        List<Svg> overhead = new ArrayList<>();
        gates.forEach((key, gate) -> {
            GateCharts.timeline(gate, key).ifPresent(timelines::add);
            GateCharts.ttft(gate, key).ifPresent(ttft::add);
            GateCharts.overhead(gate, key).ifPresent(overhead::add);
        });
        return new ReportPage.GatesView(
                status,
                passed,
                notSupported,
                rows,
                invalid,
                GateCharts.latency(gates).orElse(null),
                timelines,
                ttft,
                overhead);
    }

    /** The element id of a result's row: {@code gate-steady-state}, {@code gate-portkey--split-accuracy}. */
    static String anchor(String key) {
        return "gate-" + GateCharts.idPart(key);
    }

    /** True for a comparison result of a relay other than relaygate: its failed gate is its own finding. */
    static boolean peer(String key) {
        int slash = key.indexOf('/');
        return slash > 0 && !VerdictJudge.OUR_RELAY.equals(key.substring(0, slash));
    }

    /** The manifest's expected results first, in its order (requested, then each relay's comparison gates). */
    private static List<GateFile> ordered(List<GateFile> files, GateManifest manifest) {
        if (manifest == null) {
            return files;
        }
        List<String> expected = manifest.expectedKeys();
        List<GateFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparingInt(f -> {
            int at = expected.indexOf(f.key());
            return at < 0 ? expected.size() : at;
        }));
        return sorted;
    }

    /** {@code verdictFailure}: the verdict's reason this result failed the build, null when it did not. */
    private ReportPage.GateRow row(String key, GateResult gate, String verdictFailure) {
        Optional<Path> report = gatlingRuns.reportOf(gate);
        String href = report.map(this::relative).orElse(null);
        String gatlingNote;
        if (report.isPresent()) {
            gatlingNote = "Gatling report";
        } else if (gate.simulation() == null) {
            gatlingNote = "no simulation named in the gate file";
        } else {
            gatlingNote = "no Gatling run folder found for " + gate.simulation();
        }
        boolean passed = verdictFailure == null && gate.passed();
        String css;
        String badge;
        String note = null;
        if (verdictFailure != null) {
            css = "fail";
            badge = gate.wasAborted() ? "ABORTED" : gate.passed() || gate.wasNotSupported() ? "NOT ACCEPTED" : "FAIL";
        } else if (gate.wasNotSupported()) {
            css = "unsupported";
            badge = "NOT SUPPORTED";
        } else if (!gate.passed()) {
            css = "fail";
            badge = "FAIL";
            note = gate.relayName() + "'s finding: a peer's failed gate does not fail the build";
        } else {
            css = "pass";
            badge = "PASS";
        }
        // the verdict's reason first when it says more than the gate's own sentences (stale, aborted, ...)
        List<String> failures = new ArrayList<>();
        if (verdictFailure != null && !verdictFailure.equals(String.join("; ", gate.failures()))) {
            failures.add(verdictFailure);
        }
        failures.addAll(gate.failures());
        return new ReportPage.GateRow(
                key,
                anchor(key),
                GateCharts.display(key),
                gate.gate(),
                gate.description(),
                relayLine(gate.relay()),
                passed,
                css,
                badge,
                gate.notSupported(),
                note,
                thresholds(gate),
                pairs(gate.measured()),
                pairs(gate.targets()),
                failures,
                href,
                gatlingNote,
                gate.startInstant().map(GatesViewBuilder::readable).orElse(String.valueOf(gate.startedAt())),
                Fmt.num(gate.durationMs() / 1000.0) + " s");
    }

    /** "relay portkey (child process): @portkey-ai/gateway 1.15.2 on node v20.20.2"; null when none is named. */
    static String relayLine(GateResult.Relay relay) {
        if (relay == null) {
            return null;
        }
        return "relay " + relay.name() + " (" + relay.kind() + "): " + relay.description();
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
