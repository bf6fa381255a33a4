package dev.relaygate.relay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.relay.support.RelayFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

final class RelaygateCliTest {

    private static RelayFixture f;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() {
        f = RelayFixture.start();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @AfterEach
    void restoreEnv() {
        AdminOptions.env = System::getenv;
    }

    private int run(Map<String, String> env, String... args) {
        AdminOptions.env = env::get;
        CommandLine cli = new CommandLine(new RelaygateCli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static Map<String, String> token() {
        return Map.of(AdminOptions.TOKEN_ENV, RelayFixture.ADMIN_TOKEN);
    }

    private static JsonNode readTree(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @Test
    void trafficShiftStatusAndRollbackDriveTheRunningRelay() {
        String admin = "--admin-url=" + f.relay.adminUrl();
        assertThat(run(token(), "traffic-shift", admin, "--blue", "70", "--green", "30"))
                .as(err.toString())
                .isZero();
        assertThat(f.relay.policyStore().current().greenWeight()).isEqualTo(30);

        assertThat(run(token(), "status", admin)).isZero();
        assertThat(out.toString())
                .contains("  Weights:        blue 70% / green 30%\n")
                .containsPattern("\n  blue +blue-provider +")
                .doesNotContain("sk-blue-upstream");

        out.getBuffer().setLength(0);
        assertThat(run(token(), "status", admin, "-o", "json")).isZero();
        JsonNode printed = readTree(out.toString());
        assertThat(printed.path("policy")).isEqualTo(f.status().path("policy"));
        assertThat(printed.path("environments").path("blue").path("api_key").asText())
                .isEqualTo("[redacted]");

        assertThat(run(token(), "rollback", admin)).isZero();
        assertThat(f.relay.policyStore().current().greenWeight()).isZero();
    }

    @Test
    void rolloutEventsResetAndPromoteDriveTheController() {
        String admin = "--admin-url=" + f.relay.adminUrl();
        assertThat(run(
                        token(),
                        "rollout",
                        admin,
                        "--increment",
                        "10",
                        "--interval-seconds",
                        "300",
                        "--error-rate",
                        "0.02",
                        "--latency-p99-ms",
                        "250",
                        "--evaluation-interval-ms",
                        "60000"))
                .as(err.toString())
                .isZero();
        assertThat(f.relay.rollout().state().phase().name()).isEqualTo("CANARY");
        assertThat(f.relay.rollout().state().settings().validationThreshold().errorRate())
                .isEqualTo(0.02);
        assertThat(f.relay.rollout().state().settings().validationThreshold().latencyP99Ms())
                .isEqualTo(250);
        assertThat(f.relay.policyStore().current().greenWeight()).isEqualTo(10);

        assertThat(run(token(), "promote", admin, "--swap"))
                .as("not promoted yet")
                .isEqualTo(1);
        assertThat(err.toString()).contains("HTTP 409");

        assertThat(run(token(), "rollback", admin)).isZero();
        assertThat(run(token(), "events", admin)).isZero();
        assertThat(out.toString()).contains("\"type\":\"STARTED\"").contains("\"type\":\"ROLLED_BACK\"");
        assertThat(run(token(), "reset", admin)).isZero();
        assertThat(f.relay.rollout().state().phase().name()).isEqualTo("STABLE");
        assertThat(run(token(), "rollout", admin, "--shadow-first", "--evaluation-interval-ms", "60000"))
                .isZero();
        assertThat(f.relay.rollout().state().phase().name()).isEqualTo("SHADOW");
        assertThat(run(token(), "rollback", admin)).isZero();
        assertThat(run(token(), "reset", admin)).isZero();
    }

    @Test
    void adminCommandsRefuseToRunWithoutTheTokenVariable() {
        assertThat(run(Map.of(), "status", "--admin-url=" + f.relay.adminUrl())).isEqualTo(2);
        assertThat(err.toString()).contains("RELAYGATE_ADMIN_TOKEN must be set");
    }

    @Test
    void aWrongTokenFailsWithTheRelaysAnswer() {
        assertThat(run(Map.of(AdminOptions.TOKEN_ENV, "wrong"), "rollback", "--admin-url=" + f.relay.adminUrl()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("HTTP 401");
    }

    @Test
    void trafficShiftRejectsWeightsThatDoNotSumTo100BeforeCallingTheRelay() {
        assertThat(run(token(), "traffic-shift", "--admin-url=" + f.relay.adminUrl(), "--blue", "90", "--green", "20"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("must be 100");
    }

    @Test
    void verifyListsModelsAndPrintsStatusAndLatency() {
        assertThat(run(Map.of(), "verify", "--endpoint", f.relay.baseUrl(), "--key", "any"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .containsPattern("GET .*/v1/models -> HTTP 200 in \\d+\\.\\d ms \\(environment blue\\)");
        assertThat(out.toString()).doesNotContain("any");
    }

    @Test
    void verifyExitsNonZeroWhenTheEndpointIsDown() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThat(run(Map.of(), "verify", "--endpoint", "http://127.0.0.1:" + closed + "/v1", "--key", "k"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("failed");
    }

    @Test
    void verifyExitsNonZeroOnAnUpstreamRejection() {
        // The blue mock accepts only its own key.
        assertThat(run(Map.of(), "verify", "--endpoint", f.blue.baseUrl(), "--key", "wrong-key"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("HTTP 401");
    }
}
