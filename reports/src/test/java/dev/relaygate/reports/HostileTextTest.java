package dev.relaygate.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HostileTextTest {

    static final String SCRIPT = "<script>alert('x')</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";

    @Test
    void markupInInputStringsStaysText(@TempDir Path root) throws IOException {
        Fixtures.copyFull(root);
        Path roi = root.resolve("roi/roi.json");
        Files.writeString(roi, Files.readString(roi).replace("\"deepseek-v3.2\"", json(SCRIPT)));
        Path gate = root.resolve("gates/steady-state.json");
        Files.writeString(
                gate,
                Files.readString(gate)
                        .replace("\"Blue at 100 % under a constant arrival rate\"", json(IMG))
                        .replace("\"p99_ms\": 200", "\"p99_ms\": 200, " + json(SCRIPT) + ": 1"));

        String html = Files.readString(Fixtures.render(Fixtures.inputs(root)).indexHtml());
        Document page = Jsoup.parse(html);

        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("[onerror]")).isEmpty();
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(page.select("table.models .model-name").eachText()).contains(SCRIPT);
        assertThat(page.select("svg#chart-roi-costs text.group-label").eachText())
                .anySatisfy(label -> assertThat(label).startsWith(SCRIPT));
        assertThat(page.selectFirst("svg#chart-roi-costs rect[data-key]")
                        .parent()
                        .select("rect[data-key^=<script>]"))
                .hasSize(2);
        assertThat(page.selectFirst("tr#gate-steady-state .muted.small").text()).isEqualTo(IMG);
        assertThat(page.select("tr#gate-steady-state dl.kv dt").eachText()).contains(SCRIPT);
    }

    @Test
    void markupInARelaysDescriptionOrNotSupportedReasonStaysText(@TempDir Path root) throws IOException {
        Fixtures.copyComparison(root);
        Path unsupported = root.resolve("gates/external/split-accuracy.json");
        Files.writeString(
                unsupported,
                Files.readString(unsupported)
                        .replace(
                                "\"not supported by external: needs traffic weights set by the harness (this relay's"
                                        + " weights cannot be set)\"",
                                json("not supported by external: " + SCRIPT + IMG)));
        try (var peerResults = Files.list(root.resolve("gates/portkey"))) {
            for (Path peer : peerResults.toList()) {
                Files.writeString(
                        peer,
                        Files.readString(peer)
                                .replace(
                                        "\"@portkey-ai/gateway 1.15.2 on node v20.20.2, child process\"",
                                        json(IMG + SCRIPT)));
            }
        }

        String html = Files.readString(Fixtures.render(Fixtures.inputs(root)).indexHtml());
        Document page = Jsoup.parse(html);

        assertThat(page.select("script, img, [onerror]")).isEmpty();
        assertThat(page.selectFirst("#gate-external--split-accuracy td.not-supported-reason")
                        .text())
                .isEqualTo("not supported by external: " + SCRIPT + IMG);
        assertThat(page.select("table.relays td[title]").eachAttr("title"))
                .contains("not supported by external: " + SCRIPT + IMG);
        assertThat(page.select("section#relays ol.notes li").eachText())
                .contains("not supported by external: " + SCRIPT + IMG);
        assertThat(page.selectFirst("#gate-portkey--steady-state .relay-line").text())
                .isEqualTo("relay portkey (child process): " + IMG + SCRIPT);
        assertThat(page.select("dl.relays-described dd").eachText()).contains(IMG + SCRIPT);
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
