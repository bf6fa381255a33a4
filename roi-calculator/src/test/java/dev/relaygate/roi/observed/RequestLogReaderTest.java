package dev.relaygate.roi.observed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.relaygate.roi.RoiInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Monthly volumes from a request log, on a fixture whose figures are computed by hand below. */
public final class RequestLogReaderTest {

    static final long T0 = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000;

    @TempDir
    Path dir;

    /**
     * Two hours of traffic over three hourly files: the window opens when the first request started (T0) and
     * closes when the last finished (T0 + 2 h), so 30 days / 2 h scales every volume x360.
     */
    void writeTwoHoursOfTraffic() throws IOException {
        writeTwoHoursOfTraffic(dir);
    }

    /** The fixture log in {@code dir}: also what the command-line tests derive their usage file from. */
    public static void writeTwoHoursOfTraffic(Path dir) throws IOException {
        write(
                dir,
                "requests-2026-12-01-10.jsonl",
                line(T0 + 1000, 1000, "gpt-4.1", 1000, 400, 200, ""),
                line(T0 + 2 * MINUTE, 100, "gpt-4.1", 5000, 0, 900, ", \"shadow\": true"),
                "this is not json",
                line(T0 + 30 * MINUTE, 500, "claude-sonnet-4.5", 3000, 0, 500, ", \"partial\": true"));
        write(
                dir,
                "requests-2026-12-01-11.jsonl",
                line(T0 + 90 * MINUTE, 800, "gpt-4.1", 2000, 600, 300, ""),
                "",
                "{\"t_ms\": " + (T0 + 100 * MINUTE)
                        + ", \"model\": \"gpt-4.1\", \"status\": 502, \"latency_ms\": 3.0}");
        write(
                dir,
                "requests-2026-12-01-12.jsonl",
                line(T0 + 120 * MINUTE, 0, "claude-sonnet-4.5", 1000, 1000, 100, ""));
        write(
                dir,
                "shadow-2026-12-01-10.jsonl",
                "{\"t_ms\": " + (T0 + MINUTE) + ", \"request_id\": \"a\", \"model\": \"gpt-4.1\"}",
                "{\"t_ms\": " + (T0 + 180 * MINUTE) + ", \"request_id\": \"b\", \"model\": \"gpt-4.1\"}");
        write(dir, "rollout_events-2026-12-01-10.jsonl", "{\"event\": \"STARTED\"}");
    }

    @Test
    void volumesArePerModelScaledFromTheObservedWindowToThirtyDays() throws IOException {
        writeTwoHoursOfTraffic();

        ObservedUsage u = RequestLogReader.read(List.of(dir)).requireProjectable();

        assertThat(u.first()).isEqualTo(Instant.ofEpochMilli(T0));
        assertThat(u.last()).isEqualTo(Instant.ofEpochMilli(T0 + 120 * MINUTE));
        assertThat(u.monthScale()).isCloseTo(360.0, within(1e-12));
        // gpt-4.1: uncached (1000 - 400) + (2000 - 600) = 2000, cached 400 + 600 = 1000, output 500; the 502
        // counts as a request with no tokens, the shadow copy not at all
        ObservedUsage.Volumes gpt = u.models().get("gpt-4.1");
        assertThat(gpt).isEqualTo(new ObservedUsage.Volumes(3, 0, 2000, 1000, 500));
        assertThat(u.monthlyMtok(gpt.uncachedInput())).isCloseTo(0.72, within(1e-12));
        assertThat(u.monthlyMtok(gpt.cachedInput())).isCloseTo(0.36, within(1e-12));
        assertThat(u.monthlyMtok(gpt.output())).isCloseTo(0.18, within(1e-12));
        // claude: uncached 3000 + 0, cached 0 + 1000, output 500 + 100; one abandoned stream
        assertThat(u.models().get("claude-sonnet-4.5")).isEqualTo(new ObservedUsage.Volumes(2, 1, 3000, 1000, 600));
        assertThat(u.monthlyMtok(3000)).isCloseTo(1.08, within(1e-12));
    }

    @Test
    void shadowCopiesAreLeftOutAndCountedAndUnreadableLinesAreNamed() throws IOException {
        writeTwoHoursOfTraffic();

        ObservedUsage u = RequestLogReader.read(List.of(dir));

        // one line marked shadow, one shadow comparison inside the window (the other is an hour after it)
        assertThat(u.shadowLeftOut()).isEqualTo(2);
        assertThat(u.unreadable()).isEqualTo(1);
        assertThat(u.unreadableExamples()).containsExactly("requests-2026-12-01-10.jsonl:3 not JSON");
        assertThat(ObservedText.summary(u))
                .contains("window: 2026-12-01T10:00:00Z to 2026-12-01T12:00:00Z (2.00 h), scaled x360 to 30 days")
                .contains("requests: claude-sonnet-4.5 2 (1 abandoned streams, tokens so far), gpt-4.1 3")
                .contains("shadow copies left out of the volumes: 2")
                .contains("unreadable lines: 1 (requests-2026-12-01-10.jsonl:3 not JSON)");
    }

    @Test
    void eachFleetMembersLogIsAddedUp(@TempDir Path other) throws IOException {
        writeTwoHoursOfTraffic();
        Files.writeString(
                other.resolve("requests-2026-12-01-11.jsonl"),
                line(T0 + 60 * MINUTE, 10, "gpt-4.1", 100, 0, 10, "") + "\n");

        ObservedUsage u = RequestLogReader.read(List.of(dir, other));

        assertThat(u.models().get("gpt-4.1")).isEqualTo(new ObservedUsage.Volumes(4, 0, 2100, 1000, 510));
    }

    @Test
    void aWindowUnderAnHourIsRefusedWithItsLength() throws IOException {
        write(
                "requests-2026-12-01-10.jsonl",
                line(T0, 0, "gpt-4.1", 10, 0, 1, ""),
                line(T0 + 23 * MINUTE, 0, "gpt-4.1", 10, 0, 1, ""));

        ObservedUsage u = RequestLogReader.read(List.of(dir));

        assertThatThrownBy(u::requireProjectable)
                .isInstanceOf(RoiInputException.class)
                .hasMessageContaining("covers 23 min (2026-12-01T10:00:00Z to 2026-12-01T10:23:00Z);"
                        + " at least 1 h is needed to project a month");
    }

    @Test
    void linesThatAreNotRequestsAreCountedWithTheirReason() throws IOException {
        write(
                "requests-2026-12-01-10.jsonl",
                line(T0, 0, "gpt-4.1", 10, 0, 1, ""),
                "[1, 2]",
                "{\"t_ms\": 1}",
                "{\"model\": \"gpt-4.1\"}",
                line(T0, 0, "gpt-4.1", 10, 20, 1, ""),
                "{\"t_ms\": 5, \"model\": \"gpt-4.1\", \"prompt_tokens\": 1.5}");

        ObservedUsage u = RequestLogReader.read(List.of(dir));

        assertThat(u.unreadable()).isEqualTo(5);
        assertThat(u.unreadableExamples())
                .containsExactly(
                        "requests-2026-12-01-10.jsonl:2 not a JSON object",
                        "requests-2026-12-01-10.jsonl:3 has no model",
                        "requests-2026-12-01-10.jsonl:4 has no t_ms",
                        "requests-2026-12-01-10.jsonl:5 has cached_tokens 20 above prompt_tokens 10",
                        "requests-2026-12-01-10.jsonl:6 has a token count that is not a whole number >= 0");
    }

    @Test
    void aFolderWithoutRequestsIsRefusedNamingIt() {
        assertThatThrownBy(() -> RequestLogReader.read(List.of(dir)))
                .isInstanceOf(RoiInputException.class)
                .hasMessageContaining("holds no readable request (0 requests-*.jsonl files");
    }

    static String line(
            long tMs, double latencyMs, String model, long prompt, long cached, long completion, String extra) {
        return "{\"t_ms\": " + tMs + ", \"request_id\": \"r\", \"environment\": \"blue\", \"model\": \"" + model
                + "\", \"status\": 200, \"latency_ms\": " + latencyMs + ", \"prompt_tokens\": " + prompt
                + ", \"cached_tokens\": " + cached + ", \"completion_tokens\": " + completion + extra + "}";
    }

    private void write(String name, String... lines) throws IOException {
        write(dir, name, lines);
    }

    private static void write(Path dir, String name, String... lines) throws IOException {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }
}
