package dev.relaygate.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class MissingInputsTest {

    @Test
    void nothingRunRendersNotRunWithTheProducingCommandsAndFails(@TempDir Path root) throws IOException {
        ReportOutcome outcome = Fixtures.render(Fixtures.inputs(root));
        Document page = Jsoup.parse(Files.readString(outcome.indexHtml()));

        assertThat(outcome.verdict().passed()).isFalse();
        assertThat(outcome.verdict().status()).isEqualTo("FAILED");
        assertThat(outcome.verdict().failures())
                .extracting(f -> f.name())
                .containsExactly("gates manifest", "JMH result", "JMH gate", "ROI result");
        assertThat(page.selectFirst("section#verdict").hasClass("fail")).isTrue();
        assertThat(page.select("table.inputs .badge").eachText()).containsOnly("not run");
        assertThat(page.selectFirst("section#gates .notice.not-run").text())
                .contains("Gate results: not run.")
                .contains("fails the verdict when it is missing")
                .contains("./mvnw -B verify -pl gatling-simulations -am");
        assertThat(page.select("section#jmh .notice.not-run")).hasSize(2);
        assertThat(page.selectFirst("section#jmh .notice.not-run code.command").text())
                .isEqualTo("./mvnw -B verify -pl jmh -am");
        assertThat(page.selectFirst("section#roi .notice.not-run").text())
                .contains("./mvnw -B verify -pl roi-calculator -am");
        assertThat(page.select("svg")).isEmpty();
    }

    @Test
    void missingResultsTheRunExpectedFailWhileTheOthersAreStillShown(@TempDir Path root) throws IOException {
        Fixtures.copyPassing(root);
        Files.delete(root.resolve("roi/roi.json"));
        Files.delete(root.resolve("gates/steady-state.json"));

        ReportOutcome outcome = Fixtures.render(Fixtures.inputs(root));
        Document page = Jsoup.parse(Files.readString(outcome.indexHtml()));

        assertThat(outcome.verdict().status()).isEqualTo("FAILED");
        assertThat(outcome.verdict().failures())
                .extracting(f -> f.line())
                .containsExactly(
                        "gate steady-state: expected in run " + Fixtures.RUN_ID + ", but no result was written",
                        "input ROI result: expected in run " + Fixtures.RUN_ID + ", but no result was written at "
                                + root.resolve("roi/roi.json"));
        assertThat(page.selectFirst("section#verdict").hasClass("fail")).isTrue();
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
        assertThat(page.selectFirst("section#jmh .notice.invalid").text())
                .contains("JMH result: invalid.")
                .contains("counts as a failure");
    }
}
