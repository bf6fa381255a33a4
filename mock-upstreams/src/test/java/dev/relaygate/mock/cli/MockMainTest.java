package dev.relaygate.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.mock.MockSettings;
import dev.relaygate.mock.Profile;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

final class MockMainTest {

    @Test
    void optionsBecomeTheMockSettings() {
        MockMain main = new MockMain();
        new CommandLine(main)
                .parseArgs(
                        "--port",
                        "8081",
                        "--profile",
                        "flaky",
                        "--key",
                        "sk-blue",
                        "--error-percent",
                        "25",
                        "--seed",
                        "3",
                        "--gap-between-events-ms",
                        "20");

        MockSettings s = main.settings();
        assertThat(s.port()).isEqualTo(8081);
        assertThat(s.apiKey()).isEqualTo("sk-blue");
        assertThat(s.profile().profile()).isEqualTo(Profile.FLAKY);
        assertThat(s.profile().errorPercent()).isEqualTo(25.0);
        assertThat(s.profile().seed()).isEqualTo(3L);
        assertThat(s.profile().gapBetweenEventsMs()).isEqualTo(20);
        assertThat(s.containerThreads()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void aMissingKeyIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new MockMain()).setErr(new PrintWriter(err)).execute("--port", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--key");
    }
}
