package dev.relaygate.relay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code relaygate status} against a stand-in relay that answers a fixed status document. */
final class StatusCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private HttpServer relay;
    private int statusCode = 200;
    private String body = StatusDocuments.CANARY_STEP_1;

    @BeforeEach
    void start() throws IOException {
        relay = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        relay.createContext("/admin/status", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(statusCode, bytes.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(bytes);
            }
        });
        relay.start();
    }

    @AfterEach
    void stop() {
        relay.stop(0);
        AdminOptions.env = System::getenv;
    }

    private int status(String... options) {
        AdminOptions.env = Map.of(AdminOptions.TOKEN_ENV, "admin-token")::get;
        CommandLine cli = new CommandLine(new RelaygateCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] args = new String[options.length + 2];
        args[0] = "status";
        args[1] = "--admin-url=http://127.0.0.1:" + relay.getAddress().getPort() + "/";
        System.arraycopy(options, 0, args, 2, options.length);
        return cli.execute(args);
    }

    @Test
    void outputJsonPrintsValidJsonEqualToTheStatusDocument() throws IOException {
        assertThat(status("-o", "json")).as(err.toString()).isZero();

        assertThat(JSON.readTree(out.toString())).isEqualTo(JSON.readTree(StatusDocuments.CANARY_STEP_1));
        assertThat(authorization.get()).isEqualTo("Bearer admin-token");
    }

    @Test
    void theLongOptionNameWorksToo() throws IOException {
        body = StatusDocuments.STABLE_90_10;

        assertThat(status("--output", "json")).isZero();

        assertThat(JSON.readTree(out.toString())).isEqualTo(JSON.readTree(StatusDocuments.STABLE_90_10));
    }

    @Test
    void byDefaultItPrintsTheSummary() {
        assertThat(status()).as(err.toString()).isZero();

        assertThat(out.toString())
                .startsWith("Rollout\n")
                .contains("  Phase:          CANARY\n")
                .contains("Last verdict\n")
                .contains("Environments\n")
                .doesNotContain("{");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void anUnknownOutputFormatIsRefusedBeforeCallingTheRelay() {
        assertThat(status("-o", "yaml")).isEqualTo(2);

        assertThat(err.toString()).contains("--output must be summary or json, but was yaml");
        assertThat(authorization.get()).isNull();
    }

    @Test
    void aFailedCallKeepsTheExitCodeAndMessagesOfTheOtherAdminCommands() {
        statusCode = 401;
        body = "{\"error\":{\"message\":\"admin token required\"}}";

        assertThat(status()).isEqualTo(1);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("admin token required").contains("GET /admin/status failed with HTTP 401");
    }

    @Test
    void aBodyThatIsNotJsonIsAnError() {
        body = "<html>proxy error</html>";

        assertThat(status()).isEqualTo(1);

        assertThat(err.toString()).contains("not a JSON object");
    }
}
