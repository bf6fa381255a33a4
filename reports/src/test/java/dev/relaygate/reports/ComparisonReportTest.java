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

/** The report of a comparison build: relaygate, portkey and an external relay on the comparison gates. */
final class ComparisonReportTest {

    @TempDir
    static Path root;

    static ReportOutcome outcome;
    static Document page;

    @BeforeAll
    static void renderComparisonFixture() throws IOException {
        Fixtures.copyComparison(root);
        outcome = Fixtures.render(Fixtures.inputs(root));
        page = Jsoup.parse(Files.readString(outcome.indexHtml()));
    }

    @Test
    void aPeersFailedAndNotSupportedGatesDoNotFailTheBuildAndTheHeadlineCountsThem() {
        assertThat(outcome.verdict().failures()).isEmpty();
        assertThat(outcome.consoleText())
                .contains("relaygate verdict: PASSED (5 of 5 comparison gates on relaygate (10 default gates not"
                        + " requested), benchmarks not run in a comparison build; portkey: 3 held, 2 failed, 0 not supported;"
                        + " external: 3 held, 0 failed, 2 not supported)");
        assertThat(page.selectFirst("section#verdict .verdict-note.not-supported")
                        .select(".chip")
                        .eachText())
                .containsExactly("external \u00b7 split-accuracy", "external \u00b7 errors-under-fault");
        assertThat(page.select("section#verdict .verdict-note").eachText())
                .anySatisfy(note -> assertThat(note).startsWith("Default gates not run in this comparison build"));
    }

    @Test
    void theRelaysSectionComesBeforeTheGatesWithOneColumnPerRelayInTheManifestsOrderAndDirect() {
        List<String> sections = page.select("main > section").eachAttr("id");
        assertThat(sections.indexOf("relays")).isEqualTo(sections.indexOf("gates") - 1);
        assertThat(page.select("table.relays thead .relay-name").eachText())
                .containsExactly("relaygate", "portkey", "external", "direct");
        assertThat(page.select("table.relays tbody th[scope=row]").eachText())
                .containsExactly(
                        "Added latency p50 / p99 at 1,000 req/s",
                        "Saturated throughput",
                        "Relay CPU per request",
                        "Split p-value (green share, expected 10 %)",
                        "Broken streams",
                        "Client-visible errors under the fault",
                        "Time to stop sending to green");
        assertThat(page.select("dl.relays-described dd").eachText())
                .contains("@portkey-ai/gateway 1.15.2 on node v20.20.2, child process");
    }

    @Test
    void figuresAreFormattedAndTheDirectArmSitsBesideTheRelays() {
        assertThat(cells("Added latency"))
                .containsExactly("+0.142 / +0.61 ms", "+0.94 / +3.1 ms", "+0.151 / +0.66 ms", "0.182 / 0.39 ms");
        assertThat(cells("Saturated throughput"))
                .containsExactly("13,800 req/s", "1,200 req/s", "13,100 req/s", "24,100 req/s");
        assertThat(cells("Split p-value"))
                .containsExactly("p = 0.83 (green 10.08 %)", "p = 0.74 (green 9.87 %)", "not supported 3", "\u2014");
        assertThat(cells("Client-visible errors"))
                .containsExactly("0.42 %", "4.8 % failed", "not supported 3", "\u2014");
    }

    @Test
    void aStopTimeOfNullSaysNeverAndAFailedPeerCellIsMarkedFailed() {
        assertThat(cells("Time to stop")).containsExactly("4.1 s", "never failed", "not supported 3", "\u2014");
        Element never = row("Time to stop").select("td").get(1);
        assertThat(never.hasClass("fail")).isTrue();
        assertThat(never.selectFirst(".badge.fail").text()).isEqualTo("failed");
        assertThat(never.attr("title")).startsWith("stopped_sending_to_green_after_ms was never");
        assertThat(cells("Broken streams")).containsExactly("0 of 400", "400 of 400 failed", "0 of 400", "\u2014");
    }

    @Test
    void aNotSupportedCellGivesItsReasonAndAMissingCpuFigureTheMethodsReason() {
        Element unsupported = row("Split p-value").select("td").get(2);
        assertThat(unsupported.hasClass("unsupported")).isTrue();
        String reason = "not supported by external: needs traffic weights set by the harness (this relay's weights"
                + " cannot be set)";
        assertThat(unsupported.attr("title")).isEqualTo(reason);
        Element note = page.getElementById(
                unsupported.selectFirst("a.note-ref").attr("href").substring(1));
        assertThat(note.text()).isEqualTo(reason);
        assertThat(row("Time to stop")
                        .select("td")
                        .get(2)
                        .selectFirst("a.note-ref")
                        .attr("href"))
                .isEqualTo("#" + note.id());

        assertThat(cells("Relay CPU")).containsExactly("not measured 1", "412.5 \u00b5s", "not measured 2", "\u2014");
        Element cpu = row("Relay CPU").select("td").get(0);
        assertThat(cpu.attr("title")).startsWith("not measured: relaygate runs in the harness's JVM");
        assertThat(page.select("ol.notes li").eachText())
                .hasSize(3)
                .first()
                .asString()
                .startsWith("relaygate CPU: not measured: relaygate runs in the harness's JVM");
    }

    @Test
    void everyCellLinksToTheSectionOfItsResult() {
        List<String> links = page.select("table.relays td > a").eachAttr("href");
        assertThat(links).hasSize(3 * 7 + 2).allSatisfy(href -> {
            assertThat(href).startsWith("#gate-");
            assertThat(page.getElementById(href.substring(1))).as(href).isNotNull();
        });
        assertThat(row("Split p-value").select("td > a").eachAttr("href"))
                .containsExactly(
                        "#gate-relaygate--split-accuracy",
                        "#gate-portkey--split-accuracy",
                        "#gate-external--split-accuracy");
    }

    @Test
    void eachComparisonResultIsAGateRowTitledWithItsRelayAndDescribingIt() {
        assertThat(page.select("table.gates tr.gate-row")).hasSize(15);
        Element portkey = page.getElementById("gate-portkey--streaming-integrity");
        assertThat(portkey.selectFirst(".gate-name").text()).isEqualTo("portkey \u00b7 streaming-integrity");
        assertThat(portkey.selectFirst(".relay-line").text())
                .isEqualTo("relay portkey (child process): @portkey-ai/gateway 1.15.2 on node v20.20.2, child process");
        assertThat(portkey.selectFirst(".badge").text()).isEqualTo("FAIL");
        assertThat(portkey.selectFirst(".peer-note").text()).contains("does not fail the build");

        Element unsupported = page.getElementById("gate-external--errors-under-fault");
        assertThat(unsupported.hasClass("unsupported")).isTrue();
        assertThat(unsupported.selectFirst(".badge").text()).isEqualTo("NOT SUPPORTED");
        assertThat(unsupported.selectFirst("td.not-supported-reason").text()).startsWith("not supported by external: ");
        assertThat(unsupported.select("dl.kv")).isEmpty();
        assertThat(page.selectFirst("section#gates .summary").text())
                .isEqualTo("11 of 15 gate results passed. 2 not supported by the relay they ran on (neither passed"
                        + " nor failed).");
    }

    @Test
    void chartsOfComparisonResultsAreNamedByRelayAndGate() {
        assertThat(page.select("svg#chart-latency rect[data-key=portkey/steady-state/p99]"))
                .hasSize(1);
        assertThat(page.select("svg#chart-latency text.group-label").eachText())
                .contains("relaygate \u00b7 steady-state", "portkey \u00b7 steady-state");
    }

    @Test
    void aMissingPeerResultFailsTheBuildAndItsCellSaysNoResult(@TempDir Path other) throws IOException {
        Fixtures.copyComparison(other);
        Files.delete(other.resolve("gates/portkey/split-accuracy.json"));

        ReportOutcome missing = Fixtures.render(Fixtures.inputs(other));
        Document doc = Jsoup.parse(Files.readString(missing.indexHtml()));

        assertThat(missing.verdict().status()).isEqualTo("FAILED");
        assertThat(missing.verdict().failures())
                .extracting(f -> f.line())
                .containsExactly("gate portkey/split-accuracy: expected in run " + Fixtures.RUN_ID
                        + ", but no result was written");
        Element cell = doc.select("table.relays tbody tr").get(3).select("td").get(1);
        assertThat(cell.text()).isEqualTo("no result");
        assertThat(cell.hasClass("fail")).isTrue();
    }

    @Test
    void aFailedComparisonGateOfRelaygateFailsTheBuild(@TempDir Path other) throws IOException {
        Fixtures.copyComparison(other);
        Path gate = other.resolve("gates/relaygate/split-accuracy.json");
        Files.writeString(
                gate,
                Files.readString(gate)
                        .replace("\"passed\": true", "\"passed\": false")
                        .replace(
                                "\"failures\": []", "\"failures\": [\"split_p_value was 0.0002, limit above 0.001\"]"));

        ReportOutcome failed = Fixtures.render(Fixtures.inputs(other));

        assertThat(failed.verdict().failures())
                .extracting(f -> f.line())
                .containsExactly("gate relaygate/split-accuracy: split_p_value was 0.0002, limit above 0.001");
    }

    private static Element row(String labelStart) {
        return page.select("table.relays tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().startsWith(labelStart))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> cells(String labelStart) {
        return row(labelStart).select("td").eachText();
    }
}
