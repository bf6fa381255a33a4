package dev.relaygate.reports.page;

import dev.relaygate.reports.chart.GateCharts;
import dev.relaygate.reports.claims.Scorecard;
import dev.relaygate.reports.input.GateFile;
import dev.relaygate.reports.input.GateManifest;
import dev.relaygate.reports.input.GateResult;
import dev.relaygate.reports.input.GatlingRuns;
import dev.relaygate.reports.input.Input;
import dev.relaygate.reports.input.JmhBenchmark;
import dev.relaygate.reports.input.JmhGateResult;
import dev.relaygate.reports.input.RoiResult;
import dev.relaygate.reports.verdict.Verdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Assembles the whole page from the loaded inputs and the verdict. */
public final class PageBuilder {

    private final Path outDir;
    private final GatlingRuns gatlingRuns;

    public PageBuilder(Path outDir, GatlingRuns gatlingRuns) {
        this.outDir = outDir;
        this.gatlingRuns = gatlingRuns;
    }

    public ReportPage build(
            Verdict verdict,
            Scorecard scorecard,
            Input<GateManifest> manifest,
            Input<List<GateFile>> gates,
            Input<List<JmhBenchmark>> jmh,
            Input<JmhGateResult> jmhGate,
            Input<RoiResult> roi,
            Instant now) {
        GateManifest gateManifest = manifest instanceof Input.Present<GateManifest> m ? m.value() : null;
        List<String> notRequested = gateManifest == null ? List.of() : gateManifest.notRequested();
        boolean comparison = gateManifest != null && gateManifest.comparison() != null;
        List<GateFile> files = gates instanceof Input.Present<List<GateFile>> present ? present.value() : List.of();
        ReportPage.GatesView gatesView = new GatesViewBuilder(outDir, gatlingRuns).build(gates, verdict, gateManifest);
        ReportPage.VerdictView verdictView = new ReportPage.VerdictView(
                verdict.status(),
                verdict.headline(),
                verdict.passed() ? "pass" : "fail",
                verdict.failures().stream().map(Verdict.Failure::line).toList(),
                verdict.loosened(),
                comparison,
                notRequested,
                gatesView.rows().stream()
                        .filter(r -> r.notSupported() != null)
                        .map(ReportPage.GateRow::title)
                        .toList(),
                verdict.runId(),
                scorecard.tally());
        List<ReportPage.InputRow> inputs = new ArrayList<>(List.of(
                new ReportPage.InputRow("Gates manifest", Statuses.of(manifest, Statuses.GATES_COMMAND)),
                new ReportPage.InputRow("Gate results", Statuses.of(gates, Statuses.GATES_COMMAND)),
                new ReportPage.InputRow("JMH result", Statuses.of(jmh, Statuses.JMH_COMMAND)),
                new ReportPage.InputRow("JMH gate", Statuses.of(jmhGate, Statuses.JMH_COMMAND)),
                new ReportPage.InputRow("ROI result", Statuses.of(roi, Statuses.ROI_COMMAND))));
        // the claims file is optional: a build without one has no scorecard and no row for it
        if (!(scorecard instanceof Scorecard.NoFile)) {
            inputs.add(new ReportPage.InputRow("Claims file", Statuses.of(scorecard)));
        }
        return new ReportPage(
                now.toString(),
                verdictView,
                ClaimsViewBuilder.build(
                        scorecard,
                        gatesView.rows().stream()
                                .map(ReportPage.GateRow::anchor)
                                .collect(Collectors.toSet())),
                inputs,
                RelaysViewBuilder.build(files, gatesView, gateManifest, verdict.runId()),
                gatesView,
                JmhViewBuilder.build(jmh, jmhGate),
                RoiViewBuilder.build(roi),
                footer(gates, now));
    }

    /** One row per distinct run metadata, naming the gates that share it. */
    private static ReportPage.FooterView footer(Input<List<GateFile>> gates, Instant now) {
        Map<GateResult.RunInfo, List<String>> runs = new LinkedHashMap<>();
        if (gates instanceof Input.Present<List<GateFile>> present) {
            for (GateFile file : present.value()) {
                if (file instanceof GateFile.Valid valid && valid.result().run() != null) {
                    runs.computeIfAbsent(valid.result().run(), k -> new ArrayList<>())
                            .add(GateCharts.display(valid.key()));
                }
            }
        }
        List<ReportPage.RunRow> rows = new ArrayList<>();
        runs.forEach((run, names) -> rows.add(new ReportPage.RunRow(
                String.join(", ", names),
                Objects.requireNonNullElse(run.commit(), "unknown"),
                run.jvm(),
                String.valueOf(run.cores()),
                run.seed() == null ? "\u2014" : String.valueOf(run.seed()),
                run.load().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")))));
        List<ReportPage.Kv> about = List.of(
                new ReportPage.Kv("report generated", now.toString()),
                new ReportPage.Kv(
                        "report JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")),
                new ReportPage.Kv("cores", String.valueOf(Runtime.getRuntime().availableProcessors())));
        return new ReportPage.FooterView(rows, about);
    }
}
