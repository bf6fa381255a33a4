package dev.relaygate.relay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class ServeCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int serve(String serverSection) throws IOException {
        Path config = dir.resolve("relaygate.yaml");
        Files.writeString(config, serverSection + """
                environments:
                  blue: {name: a, base_url: "http://127.0.0.1:9101/v1", api_key: sk-a}
                  green: {name: b, base_url: "http://127.0.0.1:9102/v1", api_key: sk-b}
                admin: {token: admin-token}
                health_check_interval_seconds: 0
                """);
        CommandLine cli = new CommandLine(new RelaygateCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("serve", "--config", config.toString());
    }

    @Test
    void aPortInUseIsReportedInOneLineNamingTheAddressAndTheField() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            int exit = serve("server: {host: 127.0.0.1, port: " + port + ", event_loops: 1}\n");

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString().strip())
                    .isEqualTo("relaygate: server.port: 127.0.0.1:" + port
                            + " is already in use (another process listens there)");
            assertThat(out.toString()).doesNotContain("listening");
        }
    }

    @Test
    void aConnectionLimitAboveTheOpenFileLimitIsReportedInOneLineNamingTheField() throws IOException {
        // Where a million connections fit, serve would start and run until stopped.
        assumeTrue(ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                && unix.getMaxFileDescriptorCount() < 1_000_000);
        int exit = serve("server: {host: 127.0.0.1, port: 0, event_loops: 1, max_connections: 1000000}\n");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip())
                .startsWith("relaygate: server.max_connections must be at most ")
                .contains("open-file limit", "but was 1000000")
                .doesNotContain("\n");
    }
}
