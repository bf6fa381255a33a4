package dev.relaygate.relay.admin;

import static dev.relaygate.relay.admin.RolloutSupport.admin;
import static dev.relaygate.relay.admin.RolloutSupport.json;
import static dev.relaygate.relay.admin.RolloutSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaygate.relay.rollout.ManualChange;
import dev.relaygate.relay.rollout.Phase;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.time.RandomSource;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PolicyPatchTest {

    static final String SEED = "{\"routing\":{\"strategy\":\"weighted\",\"weights\":{\"blue\":100,\"green\":0}},"
            + "\"traffic_shift\":{\"increment\":10,\"interval_seconds\":300,\"validation_threshold\":"
            + "{\"error_rate\":0.01,\"latency_p99_ms\":200,\"p99_difference_ms\":50}}}";

    private static RelayFixture f;

    @BeforeAll
    static void start() {
        f = RelayFixture.start(RolloutSupport::idleTimer, RandomSource.seeded(7));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @BeforeEach
    void backToStable() {
        f.relay
                .rolloutTicker()
                .call(() -> {
                    Phase phase = f.relay.rollout().state().phase();
                    if (phase.isLive()) {
                        f.relay.rollout().cancel(ManualChange.TRAFFIC_SHIFT);
                    } else if (phase == Phase.ROLLED_BACK) {
                        f.relay.rollout().reset(ManualChange.RESET);
                    }
                    return null;
                })
                .join();
        f.relay.policyStore().setGreenWeight(0, "test reset");
    }

    @Test
    void theSeedBodyStartsARolloutAtTheFirstIncrementWithTheSeedThresholds() {
        JsonNode reply = ok(admin(f, "PATCH", "/v1/routing/policy", SEED));

        assertThat(reply.at("/rollout/phase").asText()).isEqualTo("CANARY");
        assertThat(reply.at("/rollout/step").asInt()).isEqualTo(1);
        assertThat(reply.at("/policy/green_weight").asInt()).isEqualTo(10);
        assertThat(reply.at("/rollout/settings/interval_seconds").asLong()).isEqualTo(300);
        assertThat(reply.at("/rollout/settings/validation_threshold/error_rate").asDouble())
                .isEqualTo(0.01);
        assertThat(reply.at("/rollout/settings/validation_threshold/latency_p99_ms")
                        .asLong())
                .isEqualTo(200);
        // fields the body left out come from the relay's traffic_shift config, not from library defaults
        assertThat(reply.at("/rollout/settings/evaluation_interval_ms").asLong())
                .isEqualTo(RolloutSupport.IDLE_TIMER_MS);
        assertThat(f.relay.policyStore().current().greenWeight()).isEqualTo(10);
    }

    @Test
    void routingWeightsAloneSetTheWeightsAndCancelAnActiveRollout() {
        ok(admin(f, "PATCH", "/v1/routing/policy", SEED));

        JsonNode reply = ok(admin(
                f,
                "PATCH",
                "/v1/routing/policy",
                "{\"routing\":{\"strategy\":\"weighted\",\"weights\":{\"blue\":75,\"green\":25}}}"));

        assertThat(reply.at("/policy/green_weight").asInt()).isEqualTo(25);
        assertThat(reply.at("/rollout/phase").asText()).isEqualTo("STABLE");
        assertThat(f.relay.rollout().timeline().snapshot())
                .anyMatch(e -> e.type().name().equals("CANCELLED"));
    }

    @Test
    void aSecondRolloutWhileOneIsLiveIsAConflictNamingBothPhases() {
        ok(admin(f, "PATCH", "/v1/routing/policy", SEED));

        HttpResponse<String> again = admin(f, "PATCH", "/v1/routing/policy", SEED);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).at("/error/message").asText()).contains("CANARY").contains("illegal rollout transition");
        assertThat(f.relay.policyStore().current().greenWeight()).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"routing\":{\"weights\":{\"blue\":140,\"green\":0}}}|routing.weights.blue must be in [0,100], but was 140",
                "{\"routing\":{\"weights\":{\"blue\":60,\"green\":30}}}|routing.weights must sum to 100, but was blue 60 + green 30 = 90",
                "{\"routing\":{\"strategy\":\"round-robin\"}}|routing.strategy must be one of [weighted, shadow], but was \"round-robin\"",
                "{\"routing\":{\"weights\":{\"blue\":\"all\"}}}|routing.weights.blue must be a whole number, but was \"all\"",
                "{\"traffic_shift\":{\"increment\":140}}|traffic_shift.increment must be in [1,100], but was 140",
                "{\"traffic_shift\":{\"interval_seconds\":0}}|traffic_shift.interval_seconds must be",
                "{\"traffic_shift\":{\"incremnt\":5}}|traffic_shift.incremnt must be a known field",
                "{\"traffic_shift\":{\"validation_threshold\":{\"error_rate\":1.5}}}|traffic_shift.validation_threshold.error_rate must be",
                "{\"traffic_shift\":5}|traffic_shift must be a JSON object, but was NUMBER",
                "{\"weights\":{\"green\":5}}|weights must be a known field (known: routing, traffic_shift), but was unknown",
                "{}|body must contain routing and/or traffic_shift, but had neither",
                "[1]|request body must be a JSON object, but was ARRAY",
            })
    void anInvalidBodyIsA400NamingTheFieldAndChangesNothing(String body, String message) {
        long version = f.relay.policyStore().current().version();

        HttpResponse<String> r = admin(f, "PATCH", "/v1/routing/policy", body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode error = json(r).path("error");
        assertThat(error.path("message").asText()).startsWith(message);
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(f.relay.policyStore().current().version()).isEqualTo(version);
        assertThat(f.relay.rollout().state().phase()).isEqualTo(Phase.STABLE);
    }

    @Test
    void thePolicyPathNeedsTheAdminTokenAndNeverReachesAnUpstream() {
        long upstreamCalls = RelayFixture.settledTotal(f.blue) + RelayFixture.settledTotal(f.green);

        HttpResponse<String> r =
                Http.send("PATCH", f.url("/v1/routing/policy"), SEED, Map.of("Content-Type", "application/json"));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).at("/error/type").asText()).isNotEmpty();
        assertThat(f.blue.counts().total() + f.green.counts().total()).isEqualTo(upstreamCalls);
        assertThat(f.relay.rollout().state().phase()).isEqualTo(Phase.STABLE);
    }
}
