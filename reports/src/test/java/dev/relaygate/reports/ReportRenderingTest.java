package dev.relaygate.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReportRenderingTest {

    @TempDir
    static Path root;

    static ReportOutcome outcome;
    static Document page;

    @BeforeAll
    static void renderFullFixture() throws IOException {
        Fixtures.copyFull(root);
        outcome = Fixtures.render(Fixtures.inputs(root));
        page = Jsoup.parse(Files.readString(outcome.indexHtml()));
    }

    @Test
    void writesIndexHtmlIntoTheOutFolder() {
        assertThat(outcome.indexHtml())
                .isEqualTo(root.resolve("out/index.html"))
                .isRegularFile();
    }

    @Test
    void everySectionIsPresent() {
        assertThat(page.select("section#verdict, section#inputs, section#gates, section#jmh, section#roi, footer#run"))
                .hasSize(6);
        assertThat(page.select("table.gates tr.gate-row")).hasSize(6);
        // a default build compares no relays: no section for it, no link to one
        assertThat(page.select("section#relays, header nav a[href=#relays]")).isEmpty();
        assertThat(page.selectFirst("tr#gate-steady-state .relay-line").text())
                .isEqualTo(
                        "relay relaygate (in-process): relaygate 0.1.0, in this JVM (RelayServer on a loopback port)");
        assertThat(page.select("table.checks tbody tr")).hasSize(3);
        assertThat(page.select("table.models tbody tr")).hasSize(4);
        assertThat(page.select("table.sensitivity tbody tr")).hasSize(3);
        assertThat(page.select("footer#run table.runs td code").text()).isEqualTo("3f9c2ab");
    }

    @Test
    void everyChartIsDrawnAsInlineSvg() {
        assertThat(page.select("svg.chart-svg").eachAttr("id"))
                .containsExactly(
                        "chart-latency",
                        "chart-timeline-auto-rollback-errors",
                        "chart-timeline-auto-rollback-latency",
                        "chart-ttft-streaming-shift",
                        "chart-overhead-relay-overhead",
                        "chart-jmh-time",
                        "chart-jmh-alloc",
                        "chart-roi-costs",
                        "chart-roi-band",
                        "chart-roi-projection",
                        "chart-roi-tornado");
    }

    @Test
    void eachModelShowsItsOwnMonteCarloBandOfMonthlySavings() {
        // the fixture's gpt-4.1: savings 875 a month, P10 700, P90 1,050
        assertThat(page.select("table.models tbody tr")
                        .get(0)
                        .selectFirst(".savings-band")
                        .text())
                .isEqualTo("P10 " + dev.relaygate.reports.format.Fmt.money(700.0, "USD") + " \u00b7 P90 "
                        + dev.relaygate.reports.format.Fmt.money(1050.0, "USD"));
        assertThat(page.select("table.models .savings-band")).hasSize(4);
    }

    @Test
    void theTornadoPutsTheWidestSwingOnTopAndEachBarStartsAtTheBaseLine() {
        Element tornado = page.selectFirst("svg#chart-roi-tornado");
        double base = Double.parseDouble(tornado.selectFirst("line.axis").attr("x1"));
        List<Element> bars = tornado.select("rect.mark");
        assertThat(bars).hasSize(6); // three inputs, a low and a high bar each

        double previousSwing = Double.POSITIVE_INFINITY;
        for (int i = 0; i < bars.size(); i += 2) {
            Element low = bars.get(i);
            Element high = bars.get(i + 1);
            double swing =
                    Math.abs(Double.parseDouble(high.attr("data-value")) - Double.parseDouble(low.attr("data-value")));
            assertThat(swing).isLessThanOrEqualTo(previousSwing);
            previousSwing = swing;
            for (Element bar : List.of(low, high)) {
                double left = Double.parseDouble(bar.attr("x"));
                double right = left + Double.parseDouble(bar.attr("width"));
                // every bar touches the base line: it starts there or ends there
                assertThat(Math.min(Math.abs(left - base), Math.abs(right - base)))
                        .isLessThan(2.5);
            }
        }
    }

    @Test
    void theVerdictBannerSaysFailedAndNamesEachFailure() {
        Element banner = page.selectFirst("section#verdict");
        assertThat(banner.hasClass("fail")).isTrue();
        assertThat(banner.selectFirst(".verdict-status").text()).isEqualTo("FAILED");
        assertThat(banner.select(".failures li").eachText())
                .satisfiesExactly(
                        latency -> assertThat(latency)
                                .startsWith("gate auto-rollback-latency: ")
                                .contains("no rollback within 45000 ms")
                                .contains("rollback_within_ms 30000"),
                        invalid -> assertThat(invalid)
                                .startsWith("gate shadow-no-impact: invalid result shadow-no-impact.json: ")
                                .contains("\"run\""));
    }

    @Test
    void latencyChartHasOneBarPerReportedPercentileWithTheValueInPlace() {
        Element chart = page.selectFirst("svg#chart-latency");
        // auto-rollback-errors 3 + auto-rollback-latency 4 + steady-state 4 + streaming-shift 3; relay-overhead has
        // none
        assertThat(chart.select(".mark")).hasSize(14);
        Element p99 = chart.selectFirst("rect[data-key=steady-state/p99]");
        // axis 0..800 ms (largest bar 655 ms, step 200) over x 14..860: 44.9 / 800 * 846 = 47.48
        assertThat(p99.attr("x")).isEqualTo("14");
        assertThat(p99.attr("width")).isEqualTo("47.48");
        assertThat(p99.attr("data-value")).isEqualTo("44.9");
        assertThat(p99.selectFirst("title").text()).isEqualTo("steady-state p99: p99 44.9 ms");
    }

    @Test
    void rollbackTimelineMarksEverySampleAndTheEvents() {
        Element chart = page.selectFirst("svg#chart-timeline-auto-rollback-errors");
        // 41 weight samples (0..40 s) + 25 error-rate samples (0..24 s; green gets no traffic after rollback)
        assertThat(chart.select("circle.mark")).hasSize(66);
        // x 0..40 s over 64..936; weight axis 0..10 % (the largest weight) over y 260..34
        Element first = chart.selectFirst("circle[data-key=green weight@0]");
        assertThat(first.attr("cx")).isEqualTo("64");
        assertThat(first.attr("cy")).isEqualTo("34");
        Element afterRollback = chart.selectFirst("circle[data-key=green weight@30]");
        // 64 + 30 / 40 * 872 = 718; weight 0 sits on the floor
        assertThat(afterRollback.attr("cx")).isEqualTo("718");
        assertThat(afterRollback.attr("cy")).isEqualTo("260");
        Element error = chart.selectFirst("circle[data-key=green error rate@23]");
        // 5.5 % on the right axis 0..6 %: y = 260 - 5.5 / 6 * 226 = 52.83; x = 64 + 23 / 40 * 872 = 565.4
        assertThat(error.attr("cx")).isEqualTo("565.4");
        assertThat(error.attr("cy")).isEqualTo("52.83");
        assertThat(chart.select("line.event title").eachText())
                .containsExactly("fault onset at 20 s", "rollback at 24.1 s");
    }

    @Test
    void streamingGateGetsATtftDistributionAndTheOverheadGateDirectAgainstRelayed() {
        assertThat(page.select("svg#chart-ttft-streaming-shift rect.mark")).hasSize(5);
        assertThat(page.selectFirst("svg#chart-ttft-streaming-shift rect[data-key=streaming-shift/ttft/p99]")
                        .attr("data-value"))
                .isEqualTo("142");
        assertThat(page.select("svg#chart-overhead-relay-overhead rect.mark")).hasSize(6);
        assertThat(page.selectFirst("#chart-overhead-relay-overhead-figure .caption")
                        .text())
                .contains("p50 +142 µs")
                .contains("p99 +610 µs");
    }

    @Test
    void jmhChartsShowTimeAndAllocationPerBenchmark() {
        // 8 time-per-op benchmarks; the throughput benchmark (ops/us) is only in the table
        assertThat(page.select("svg#chart-jmh-time rect.mark")).hasSize(8);
        assertThat(page.selectFirst("svg#chart-jmh-time rect[data-key=RequestIdBenchmark.mint/ns]")
                        .attr("data-value"))
                .isEqualTo("66.2");
        assertThat(page.select("svg#chart-jmh-alloc rect.mark")).hasSize(8);
        assertThat(page.select("table.benchmarks tbody tr")).hasSize(9);
    }

    @Test
    void roiChartsShowCostsPerModelTheBandAndPayback() {
        assertThat(page.select("svg#chart-roi-costs rect.mark")).hasSize(8);
        assertThat(page.select("svg#chart-roi-costs text.group-label").eachText())
                .anySatisfy(label -> assertThat(label)
                        .startsWith("deepseek-v3.2")
                        .contains("route direct")
                        .contains("$439.40/month more"));
        assertThat(page.select("svg#chart-roi-band .mark")).hasSize(3);
        assertThat(page.select("svg#chart-roi-projection circle.mark")).hasSize(24);
        assertThat(page.select("svg#chart-roi-projection line.event title").text())
                .isEqualTo("payback 6.43 months at 6.43 month");
        assertThat(page.select("table.models .badge.direct")).hasSize(2);
        assertThat(page.select(".card").first().text()).contains("$2,000.00 if each model follows its advice");
    }

    @Test
    void gatlingLinkPointsRelativelyAtTheRunFolderOfTheGatesTime() {
        Element link = page.selectFirst("tr#gate-auto-rollback-errors a.gatling-link");
        // three runs of that simulation: 10:01 (older), 12:01:20.512 (this gate's), 14:00 (after the gate ended)
        assertThat(link.attr("href")).isEqualTo("../gatling/autorollbackerrorssimulation-20261129120120512/index.html");
        assertThat(root.resolve("out").resolve(link.attr("href"))).isRegularFile();
        assertThat(page.selectFirst("tr#gate-relay-overhead").text())
                .contains("no Gatling run folder found for RelayOverheadSimulation");
    }

    @Test
    void invalidGateFileIsShownWithTheValidatorsMessages() {
        Element row = page.selectFirst("table.gates tr.invalid");
        assertThat(row.selectFirst(".gate-name").text()).isEqualTo("shadow-no-impact.json");
        assertThat(row.select("ul.errors li").eachText())
                .anySatisfy(error -> assertThat(error).contains("\"run\""))
                .anySatisfy(error -> assertThat(error).startsWith("#/passed").contains("boolean"));
    }

    @Test
    void failingGateRowCarriesItsFailureSentence() {
        Element row = page.selectFirst("tr#gate-auto-rollback-latency");
        assertThat(row.hasClass("fail")).isTrue();
        assertThat(row.selectFirst(".badge").text()).isEqualTo("FAIL");
        assertThat(row.select(".error-text").text()).contains("no rollback within 45000 ms");
    }

    @Test
    void thePageNeedsNothingFromTheNetwork() {
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("link[rel=stylesheet], img, iframe")).isEmpty();
        assertThat(page.select("[src]")).isEmpty();
        assertThat(page.select("link[href]").eachAttr("href")).containsOnly("data:,");
    }
}
