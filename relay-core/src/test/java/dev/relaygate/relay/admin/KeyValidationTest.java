package dev.relaygate.relay.admin;

import static dev.relaygate.relay.admin.RolloutSupport.admin;
import static dev.relaygate.relay.admin.RolloutSupport.json;
import static dev.relaygate.relay.admin.RolloutSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import dev.relaygate.relay.config.EnvironmentConfig;
import dev.relaygate.relay.config.EnvironmentsConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.rollout.Phase;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.time.RandomSource;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class KeyValidationTest {

    private static RelayConfig wrongGreenKey(RelayConfig c) {
        EnvironmentConfig green = c.environments().green();
        return new RelayConfig(
                c.server(),
                new EnvironmentsConfig(
                        c.environments().blue(), EnvironmentConfig.of(green.name(), green.baseUrl(), "sk-green-WRONG")),
                c.routing(),
                c.models(),
                c.clientKeys(),
                c.admin(),
                c.upstream(),
                c.limits(),
                c.streaming());
    }

    @Test
    void validateKeysReportsStatusAndLatencyPerEnvironmentWithoutKeys() {
        try (RelayFixture f = RelayFixture.start(c -> c, RandomSource.seeded(1))) {
            HttpResponse<String> r = admin(f, "POST", "/admin/validate-keys", "{}");

            JsonNode body = ok(r);
            assertThat(body.path("ok").asBoolean()).isTrue();
            assertThat(body.at("/environments/blue/status").asInt()).isEqualTo(200);
            assertThat(body.at("/environments/green/status").asInt()).isEqualTo(200);
            assertThat(body.at("/environments/green/latency_ms").asDouble()).isPositive();
            assertThat(r.body()).doesNotContain("sk-blue-upstream").doesNotContain("sk-green-upstream");
        }
    }

    @Test
    void anUnhealthyGreenBlocksAShiftWithoutNamingTheKeyField() {
        try (RelayFixture f = RelayFixture.start(c -> c, RandomSource.seeded(4))) {
            f.green.switchProfile(ProfileSettings.of(Profile.RESET));

            HttpResponse<String> r = admin(f, "POST", "/admin/traffic-shift", "{\"blue\":90,\"green\":10}");

            assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
            JsonNode error = json(r).path("error");
            assertThat(error.path("code").asText()).isEqualTo("shift_blocked");
            assertThat(error.path("message").asText()).startsWith("green is unhealthy");
            // the key is not at fault: a client that checks param cannot mistake this for a rejected key
            assertThat(error.path("param").isNull()).as(r.body()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "POST|/admin/traffic-shift|{\"blue\":90,\"green\":10}",
                "PATCH|/v1/routing/policy|{\"routing\":{\"weights\":{\"blue\":50,\"green\":50}}}",
                "PATCH|/v1/routing/policy|" + "{\"traffic_shift\":{\"increment\":10}}",
                "POST|/admin/rollout|{\"increment\":10}",
            })
    void aRejectedGreenKeyBlocksEveryShiftToGreenSoNoClientSeesIt(String method, String path, String body) {
        try (RelayFixture f = RelayFixture.start(KeyValidationTest::wrongGreenKey, RandomSource.seeded(2))) {
            HttpResponse<String> r = admin(f, method, path, body);

            assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
            JsonNode error = json(r).path("error");
            assertThat(error.path("message").asText())
                    .contains("green's key was rejected")
                    .contains("HTTP 401");
            assertThat(error.path("code").asText()).isEqualTo("shift_blocked");
            assertThat(error.path("param").asText()).isEqualTo("environments.green.api_key");
            assertThat(r.body()).doesNotContain("sk-green-WRONG");
            assertThat(f.relay.policyStore().current().greenWeight()).isZero();
            assertThat(f.relay.rollout().state().phase()).isEqualTo(Phase.STABLE);
            JsonNode keys = ok(admin(f, "POST", "/admin/validate-keys", "{}"));
            assertThat(keys.path("ok").asBoolean()).isFalse();
            assertThat(keys.at("/environments/green/key_rejected").asBoolean()).isTrue();
            // shifting weight away from green (or a shadow start) needs no key
            ok(admin(f, "POST", "/admin/traffic-shift", "{\"blue\":100,\"green\":0}"));
        }
    }

    @Test
    void thePeriodicCheckMarksAnUnauthorizedGreenUnhealthyInStatus() {
        try (RelayFixture f = RelayFixture.start(c -> c.withHealthCheckIntervalSeconds(1), RandomSource.seeded(3))) {
            f.green.switchProfile(ProfileSettings.of(Profile.UNAUTHORIZED));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while ((f.relay.health().latest(Environment.GREEN) == null
                            || f.relay.health().latest(Environment.GREEN).healthy())
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }

            JsonNode health = RolloutSupport.status(f).path("health");
            assertThat(health.at("/green/healthy").asBoolean()).isFalse();
            assertThat(health.at("/green/status").asInt()).isEqualTo(401);
            assertThat(health.at("/blue/healthy").asBoolean()).isTrue();
        }
    }
}
