package dev.relaygate.relay.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import dev.relaygate.relay.config.EnvironmentConfig;
import dev.relaygate.relay.config.EnvironmentsConfig;
import dev.relaygate.relay.config.RoutingConfig;
import dev.relaygate.relay.config.WeightsConfig;
import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.rollout.Phase;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.time.RandomSource;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code X-Route-Policy} is a routing preference, never a safety bypass: a forced green that is rolled back,
 * whose key was rejected or that is unhealthy is answered by blue (and the answer says why); the config can
 * turn the header off; forced requests are counted apart from canary samples.
 */
@Tag("abuse")
final class ClientRouteOverrideTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROLLOUT =
            "{\"increment\":10,\"interval_seconds\":600,\"evaluation_interval_ms\":60000}";

    private static HttpResponse<String> forced(RelayFixture f, String environment) {
        HttpResponse<String> r = Http.post(
                f.relay.baseUrl() + "/chat/completions",
                Http.chatBody("m", false),
                Map.of("X-Route-Policy", environment));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static JsonNode admin(RelayFixture f, String method, String path, String body, int status)
            throws IOException {
        HttpResponse<String> r = Http.send(method, f.url(path), body, withJson(RelayFixture.admin()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    private static Map<String, String> withJson(Map<String, String> headers) {
        java.util.HashMap<String, String> out = new java.util.HashMap<>(headers);
        out.put("Content-Type", "application/json");
        return out;
    }

    private static void assertAllAnsweredByBlue(RelayFixture f, String why) {
        long greenBefore = RelayFixture.settledTotal(f.green);
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = forced(f, "green");
            assertThat(r.headers().firstValue("X-Relay-Environment")).contains("blue");
            assertThat(r.headers().firstValue("X-Relay-Override")).contains("refused (" + why + ")");
        }
        assertThat(RelayFixture.settledTotal(f.green))
                .as("green saw none of them")
                .isEqualTo(greenBefore);
    }

    @Test
    void aForcedGreenIsAnsweredByBlueWhileTheRolloutIsRolledBack() throws IOException {
        try (RelayFixture f = RelayFixture.start(c -> c, RandomSource.seeded(1))) {
            admin(f, "POST", "/admin/rollout", ROLLOUT, 200);
            admin(f, "POST", "/admin/rollback", "{}", 200);
            assertThat(f.relay.rollout().state().phase()).isEqualTo(Phase.ROLLED_BACK);

            assertAllAnsweredByBlue(f, "green is rolled back");
        }
    }

    @Test
    void aForcedGreenIsAnsweredByBlueAfterAManualRollbackWithNoRolloutRunning() throws IOException {
        try (RelayFixture f = RelayFixture.start(c -> c, RandomSource.seeded(5))) {
            admin(f, "POST", "/admin/traffic-shift", "{\"blue\":80,\"green\":20}", 200);
            admin(f, "POST", "/admin/rollback", "{}", 200);
            assertThat(f.relay.rollout().state().phase()).isEqualTo(Phase.STABLE);

            assertAllAnsweredByBlue(f, "green is rolled back");

            // the operator's next change is a decision about green: a client may ask for it again
            admin(f, "POST", "/admin/traffic-shift", "{\"blue\":90,\"green\":10}", 200);
            HttpResponse<String> r = forced(f, "green");
            assertThat(r.headers().firstValue("X-Relay-Environment")).contains("green");
            assertThat(r.headers().firstValue("X-Relay-Override")).contains("applied");
        }
    }

    @Test
    void aForcedGreenIsAnsweredByBlueWhileGreensKeyIsRejected() throws IOException {
        try (RelayFixture f = RelayFixture.start(
                c -> c.withEnvironments(new EnvironmentsConfig(
                        c.environments().blue(),
                        EnvironmentConfig.of(
                                c.environments().green().name(),
                                c.environments().green().baseUrl(),
                                "sk-green-WRONG"))),
                RandomSource.seeded(2))) {
            admin(f, "POST", "/admin/traffic-shift", "{\"blue\":90,\"green\":10}", 409);

            assertAllAnsweredByBlue(f, "green's key was rejected");
        }
    }

    @Test
    void aForcedGreenIsAnsweredByBlueWhileGreenIsUnhealthy() throws IOException {
        try (RelayFixture f = RelayFixture.start(c -> c, RandomSource.seeded(3))) {
            f.green.switchProfile(ProfileSettings.of(Profile.RESET));
            admin(f, "POST", "/admin/validate-keys", "{}", 200);
            f.green.switchProfile(ProfileSettings.healthy()); // still unhealthy until the next probe says otherwise

            assertAllAnsweredByBlue(f, "green is unhealthy");

            admin(f, "POST", "/admin/validate-keys", "{}", 200);
            HttpResponse<String> r = forced(f, "green");
            assertThat(r.headers().firstValue("X-Relay-Environment")).contains("green");
            assertThat(r.headers().firstValue("X-Relay-Override")).contains("applied");
        }
    }

    @Test
    void withClientOverrideDenyTheHeaderIsIgnoredAndTheAnswerSaysSo() {
        try (RelayFixture f = RelayFixture.start(
                c -> c.withRouting(new RoutingConfig("weighted", new WeightsConfig(100, 0), null, "deny")),
                RandomSource.seeded(4))) {
            long greenBefore = RelayFixture.settledTotal(f.green);
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> r = forced(f, "green");
                assertThat(r.headers().firstValue("X-Relay-Environment")).contains("blue");
                assertThat(r.headers().firstValue("X-Relay-Override"))
                        .contains("ignored (routing.client_override is deny)");
            }
            assertThat(RelayFixture.settledTotal(f.green)).isEqualTo(greenBefore);
            assertThat(f.relay.metrics().overridden(Environment.GREEN).counts().requests())
                    .isZero();
        }
    }

    @Test
    void forcedRequestsDuringACanaryAreCountedApartFromItsSamples() throws IOException {
        try (RelayFixture f = RelayFixture.start(c -> c, RandomSource.seeded(5))) {
            admin(f, "POST", "/admin/rollout", ROLLOUT, 200);
            long canaryBefore = f.relay.metrics().green().counts().requests();

            for (int i = 0; i < 12; i++) {
                assertThat(forced(f, "green").headers().firstValue("X-Relay-Override"))
                        .contains("applied");
            }

            assertThat(f.relay.metrics().green().counts().requests())
                    .as("no canary samples from forced requests")
                    .isEqualTo(canaryBefore);
            assertThat(f.relay.metrics().overridden(Environment.GREEN).counts().requests())
                    .isEqualTo(12);
            assertThat(f.status().at("/overridden/green/requests").asLong()).isEqualTo(12);
            String metrics = Http.get(f.url("/metrics"), Map.of()).body();
            assertThat(metrics).contains("relaygate_overridden_requests_total{environment=\"green\"} 12");
        }
    }

    @Test
    void anApiCallCannotLiftTheConfigsClientOverrideRule() throws IOException {
        try (RelayFixture f = RelayFixture.start(c -> c, RandomSource.seeded(6))) {
            JsonNode error = admin(
                            f,
                            "PATCH",
                            "/v1/routing/policy",
                            "{\"routing\":{\"weights\":{\"blue\":100,\"green\":0},\"client_override\":\"allow\"}}",
                            400)
                    .path("error");
            assertThat(error.path("param").asText()).isEqualTo("routing.client_override");
            assertThat(error.path("message").asText()).contains("config file only");
        }
    }
}
