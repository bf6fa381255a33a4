package dev.relaygate.reports;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

final class MissingInputsTest {

    @Test
    void nothingRunRendersNotRunWithTheProducingCommandsAndNoVerdict(@TempDir Path root) throws IOException {
        ReportOutcome outcome = Fixtures.render(Fixtures.inputs(root));
        Document page = Jsoup.parse(Files.readString(outcome.indexHtml()));

        assertThat(outcome.verdict().passed()).isTrue();
        assertThat(outcome.verdict().status()).isEqualTo("NO CHECKS RAN");
        assertThat(page.selectFirst("section#verdict").hasClass("none")).isTrue();
        assertThat(page.select("table.inputs .badge").eachText()).containsOnly("not run");
        assertThat(page.selectFirst("section#gates .notice.not-run").text())
                .contains("Gate results: not run.")
                .contains("A missing input is not a failure by itself.")
                .contains("./mvnw -B verify -pl gatling-simulations -am");
        assertThat(page.select("section#jmh .notice.not-run")).hasSize(2);
        assertThat(page.selectFirst("section#jmh .notice.not-run code.command").text())
                .isEqualTo("./mvnw -B verify -pl jmh -am");
        assertThat(page.selectFirst("section#roi .notice.not-run").text())
                .contains("./mvnw -B verify -pl roi-calculator -am");
        assertThat(page.select("svg")).isEmpty();
    }

    @Test
    void oneMissingInputLeavesTheOthersShownAndIsNoFailure(@TempDir Path root) throws IOException {
        Fixtures.copyFull(root);
        Files.delete(root.resolve("roi/roi.json"));
        Files.delete(root.resolve("gates/auto-rollback-latency.json"));
        Files.delete(root.resolve("gates/shadow-no-impact.json"));

        ReportOutcome outcome = Fixtures.render(Fixtures.inputs(root));
        Document page = Jsoup.parse(Files.readString(outcome.indexHtml()));

        assertThat(outcome.verdict().passed()).isTrue();
        assertThat(outcome.verdict().status()).isEqualTo("PASSED");
        assertThat(outcome.verdict().notRun()).singleElement().asString().startsWith("ROI result");
        assertThat(page.selectFirst("section#verdict").hasClass("pass")).isTrue();
        assertThat(page.selectFirst("section#verdict .verdict-note").text()).contains("ROI result");
        assertThat(page.selectFirst("section#roi .notice.not-run")).isNotNull();
        assertThat(page.select("svg#chart-latency")).hasSize(1);
    }

    @Test
    void anUnreadableInputIsShownAsInvalidAndFails(@TempDir Path root) throws IOException {
        Fixtures.copyFull(root);
        Files.writeString(root.resolve("jmh/jmh-result.json"), "{\"benchmark\": ");

        ReportOutcome outcome = Fixtures.render(Fixtures.inputs(root));
        Document page = Jsoup.parse(Files.readString(outcome.indexHtml()));

        assertThat(outcome.verdict().failures()).anySatisfy(failure -> {
            assertThat(failure.kind()).isEqualTo("input");
            assertThat(failure.name()).isEqualTo("JMH result");
        });
        assertThat(page.selectFirst("section#jmh .notice.invalid").text()).contains("JMH result: invalid.")
                .contains("counts as a failure");
    }
}
