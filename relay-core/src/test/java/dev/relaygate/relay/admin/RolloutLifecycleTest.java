package dev.relaygate.relay.admin;

import static dev.relaygate.relay.admin.RolloutSupport.FAST_JUDGE;
import static dev.relaygate.relay.admin.RolloutSupport.admin;
import static dev.relaygate.relay.admin.RolloutSupport.json;
import static dev.relaygate.relay.admin.RolloutSupport.ok;
import static dev.relaygate.relay.admin.RolloutSupport.samplesByPolicy;
import static dev.relaygate.relay.admin.RolloutSupport.status;
import static dev.relaygate.relay.admin.RolloutSupport.tick;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.config.EnvironmentsConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.rollout.Phase;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.support.ShiftedClock;
import dev.relaygate.relay.time.RandomSource;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steps, promotion with role swap, manual shift and rollback, driven by a hand-advanced wall clock. */
final class RolloutLifecycleTest {

    private final ShiftedClock clock = new ShiftedClock();

    @TempDir
    Path dir;

    private RelayFixture f;

    @BeforeEach
    void start() {
        String stateFile = dir.resolve("rollout-state.json").toString();
        f = RelayFixture.start(
                c -> RolloutSupport.idleTimer(c).withStateFile(stateFile), RandomSource.seeded(11), clock);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** Starts a rollout, then ticks once as the timer would: the slice that spans the step start is not judged. */
    private JsonNode startRollout(String body) {
        JsonNode reply = ok(admin(f, "POST", "/admin/rollout", body));
        tick(f);
        return reply;
    }

    private void healthyStep() {
        samplesByPolicy(f, 40);
        clock.advanceMillis(2_000);
        tick(f);
    }

    @Test
    void aHealthyCanaryAdvancesByTheIncrementEachIntervalThenPromotesAndSwapsRoles() throws InterruptedException {
        startRollout("{\"increment\":50,\"interval_seconds\":1," + FAST_JUDGE + "}");
        assertThat(f.relay.policyStore().current().greenWeight()).isEqualTo(50);

        healthyStep();
        assertThat(f.relay.rollout().state().phase())
                .as(() -> status(f).path("rollout").toString())
                .isEqualTo(Phase.PROMOTED);
        assertThat(f.relay.policyStore().current().greenWeight()).isEqualTo(100);
        JsonNode rollout = status(f).path("rollout");
        assertThat(rollout.path("phase").asText()).isEqualTo("PROMOTED");
        assertThat(rollout.at("/last_verdict/decision").asText()).isEqualTo("HEALTHY");
        assertThat(rollout.at("/last_verdict/error_rate/samples").asLong()).isGreaterThanOrEqualTo(40);

        JsonNode swapped = ok(admin(f, "POST", "/admin/promote", "{\"swap\":true}"));

        assertThat(swapped.at("/rollout/phase").asText()).isEqualTo("STABLE");
        assertThat(swapped.at("/environments/blue").asText()).isEqualTo("green-provider");
        assertThat(f.relay.policyStore().current().greenWeight()).isZero();
        long greenServed = RelayFixture.settledTotal(f.green);
        HttpResponse<String> r =
                Http.post(f.relay.baseUrl() + "/chat/completions", Http.chatBody("gpt-4.1", false), Map.of());
        assertThat(r.headers().firstValue("X-Relay-Environment")).contains("blue");
        assertThat(RelayFixture.settledTotal(f.green))
                .as("the old green upstream now serves as blue")
                .isEqualTo(greenServed + 1);
        assertThat(status(f).at("/environments/green/name").asText()).isEqualTo("blue-provider");
        assertThat(f.relay.rollout().timeline().snapshot())
                .extracting(e -> e.type().name())
                .containsSubsequence("STARTED", "PROMOTED", "SWAPPED");

        // Restarts read the roles from the state file.
        f.relay.close();
        RelayConfig original = f.relay.config();
        EnvironmentsConfig envs = original.environments();
        RelayConfig edited = original.withEnvironments(new EnvironmentsConfig(envs.green(), envs.blue()));
        assertThat(blueAfterRestart(original))
                .as("same config: the promoted upstream stays blue")
                .isEqualTo("green-provider");
        assertThat(blueAfterRestart(edited))
                .as("config edited to the new roles")
                .isEqualTo("green-provider");
        assertThat(blueAfterRestart(original))
                .as("config edited back: the config wins, no stale swap")
                .isEqualTo("blue-provider");
    }

    /** Starts a relay on {@code config}, sends one request, and says which upstream answered as blue. */
    private String blueAfterRestart(RelayConfig config) {
        try (RelayServer restarted = RelayServer.start(config, clock, RandomSource.seeded(12))) {
            String blueName = json(Http.get(restarted.adminUrl() + "/admin/status", RelayFixture.admin()))
                    .at("/environments/blue/name")
                    .asText();
            long blueMockBefore = RelayFixture.settledTotal(f.blue);
            long greenMockBefore = RelayFixture.settledTotal(f.green);
            HttpResponse<String> r =
                    Http.post(restarted.baseUrl() + "/chat/completions", Http.chatBody("gpt-4.1", false), Map.of());
            assertThat(r.headers().firstValue("X-Relay-Environment")).contains("blue");
            long servedByGreenMock = RelayFixture.settledTotal(f.green) - greenMockBefore;
            long servedByBlueMock = RelayFixture.settledTotal(f.blue) - blueMockBefore;
            assertThat(servedByGreenMock + servedByBlueMock).isEqualTo(1);
            assertThat(blueName)
                    .as("status names the upstream that served")
                    .isEqualTo(servedByGreenMock == 1 ? "green-provider" : "blue-provider");
            return blueName;
        }
    }

    @Test
    void aStepHoldsUntilTheIntervalHasPassedEvenWhenHealthy() {
        startRollout("{\"increment\":10,\"interval_seconds\":60," + FAST_JUDGE + "}");

        healthyStep();

        assertThat(f.relay.rollout().state().step()).isEqualTo(1);
        assertThat(f.relay.policyStore().current().greenWeight()).isEqualTo(10);
        clock.advanceMillis(60_000);
        tick(f); // the timer ticked through that minute; slices older than the 30 s window drop out
        healthyStep();
        assertThat(f.relay.rollout().state().step()).isEqualTo(2);
        assertThat(f.relay.policyStore().current().greenWeight()).isEqualTo(20);
    }

    @Test
    void promoteBeforePromotionIsAConflictAndAFalseSwapIsABadRequest() {
        HttpResponse<String> early = admin(f, "POST", "/admin/promote", "{\"swap\":true}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json(early).at("/error/message").asText()).contains("STABLE");

        HttpResponse<String> noSwap = admin(f, "POST", "/admin/promote", "{\"swap\":false}");
        assertThat(noSwap.statusCode()).isEqualTo(400);
        assertThat(json(noSwap).at("/error/message").asText()).startsWith("swap must be true");
    }

    @Test
    void aManualTrafficShiftCancelsTheRolloutSoLaterTicksNeverRaiseGreen() {
        ok(admin(f, "POST", "/admin/rollout", "{\"increment\":10,\"interval_seconds\":1," + FAST_JUDGE + "}"));

        ok(admin(f, "POST", "/admin/traffic-shift", "{\"blue\":95,\"green\":5}"));

        assertThat(f.relay.rollout().state().phase()).isEqualTo(Phase.STABLE);
        healthyStep();
        healthyStep();
        assertThat(f.relay.policyStore().current().greenWeight()).isEqualTo(5);
        JsonNode events = ok(admin(f, "GET", "/admin/events", null)).path("events");
        assertThat(events.findValuesAsText("type"))
                .containsSubsequence("STARTED", "CANCELLED")
                .doesNotContain("STEP_ADVANCED");
    }

    @Test
    void aManualRollbackEndsTheRolloutWithManualEvidenceAndResetAllowsANewOne() {
        ok(admin(f, "POST", "/admin/rollout", "{\"increment\":20," + FAST_JUDGE + "}"));

        ok(admin(f, "POST", "/admin/rollback", "{}"));

        JsonNode rollout = status(f).path("rollout");
        assertThat(rollout.path("phase").asText()).isEqualTo("ROLLED_BACK");
        assertThat(rollout.at("/rollback/automatic").asBoolean()).isFalse();
        assertThat(rollout.at("/rollback/from_green_weight").asInt()).isEqualTo(20);
        assertThat(f.relay.policyStore().current().greenWeight()).isZero();
        assertThat(admin(f, "POST", "/admin/rollout", "{}").statusCode())
                .as("needs reset first")
                .isEqualTo(409);

        ok(admin(f, "POST", "/admin/rollout/reset", "{}"));
        assertThat(admin(f, "POST", "/admin/rollout/reset", "{}").statusCode()).isEqualTo(409);
        JsonNode again = ok(admin(f, "POST", "/admin/rollout", "{\"shadow_first\":true}"));
        assertThat(again.at("/rollout/phase").asText()).isEqualTo("SHADOW");
        assertThat(f.relay.policyStore().current().greenWeight()).isZero();
    }

    @Test
    void aRolloutBodyIsValidatedLikeTheConfig() {
        HttpResponse<String> r = admin(f, "POST", "/admin/rollout", "{\"increment\":0}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).at("/error/message").asText())
                .isEqualTo("traffic_shift.increment must be in [1,100], but was 0");
        HttpResponse<String> s = admin(f, "POST", "/admin/rollout", "{\"shadow_first\":\"yes\"}");
        assertThat(s.statusCode()).isEqualTo(400);
        assertThat(json(s).at("/error/param").asText()).isEqualTo("shadow_first");
        assertThat(Http.get(f.url("/admin/events"), Map.of()).statusCode()).isEqualTo(401);
    }
}
