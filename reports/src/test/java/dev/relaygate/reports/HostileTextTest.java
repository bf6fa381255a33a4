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

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
