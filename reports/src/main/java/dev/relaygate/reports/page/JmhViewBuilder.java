package dev.relaygate.reports.page;

import dev.relaygate.reports.chart.JmhCharts;
import dev.relaygate.reports.format.Fmt;
import dev.relaygate.reports.input.Input;
import dev.relaygate.reports.input.JmhBenchmark;
import dev.relaygate.reports.input.JmhGateResult;
import java.util.List;

/** The JMH section: the gate's checks, the benchmark table and the two charts. */
final class JmhViewBuilder {

    private JmhViewBuilder() {}

    static ReportPage.JmhView build(Input<List<JmhBenchmark>> results, Input<JmhGateResult> gate) {
        List<JmhBenchmark> benchmarks =
                results instanceof Input.Present<List<JmhBenchmark>> present ? present.value() : List.of();
        JmhGateResult verdict = gate instanceof Input.Present<JmhGateResult> present ? present.value() : null;

        List<ReportPage.CheckRow> checks = verdict == null
                ? List.of()
                : verdict.checks().stream()
                        .map(c -> new ReportPage.CheckRow(
                                c.benchmark(),
                                c.metric(),
                                Fmt.num(c.measured()),
                                c.comparison() + " " + Fmt.num(c.limit()),
                                c.passed(),
                                c.message()))
                        .toList();
        String summary;
        if (verdict == null) {
            summary = null;
        } else {
            long failed = verdict.checks().stream().filter(c -> !c.passed()).count();
            summary = verdict.passed()
                    ? "benchmark gate passed: " + verdict.checks().size() + " checks"
                    : "benchmark gate failed: " + failed + " of "
                            + verdict.checks().size() + " checks";
        }
        List<ReportPage.BenchmarkRow> rows = benchmarks.stream()
                .map(b -> new ReportPage.BenchmarkRow(
                        b.label(),
                        b.mode(),
                        Fmt.num(b.primary().score()),
                        Double.isNaN(b.primary().error())
                                ? "n/a"
                                : "\u00b1 " + Fmt.num(b.primary().error()),
                        b.primary().unit(),
                        b.bytesPerOp().map(Fmt::num).orElse("\u2014")))
                .toList();
        return new ReportPage.JmhView(
                Statuses.of(results, Statuses.JMH_COMMAND),
                Statuses.of(gate, Statuses.JMH_COMMAND),
                summary,
                verdict != null && verdict.passed(),
                checks,
                rows,
                JmhCharts.nanosPerOp(benchmarks).orElse(null),
                JmhCharts.bytesPerOp(benchmarks).orElse(null));
    }
}
