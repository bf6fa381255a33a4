package dev.relaygate.relay.admin;

import static dev.relaygate.relay.admin.RolloutSupport.FAST_JUDGE;
import static dev.relaygate.relay.admin.RolloutSupport.admin;
import static dev.relaygate.relay.admin.RolloutSupport.chats;
import static dev.relaygate.relay.admin.RolloutSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import dev.relaygate.relay.config.RoutingConfig;
import dev.relaygate.relay.config.WeightsConfig;
import dev.relaygate.relay.rollout.Phase;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.time.RandomSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real timer thread, the real judge and a failing green mock: rollback, evidence, and a restart that stays on blue. */
final class AutomaticRollbackTest {

    @TempDir
    Path dir;

    @Test
    void aFailingGreenIsRolledBackByTheTimerAndARestartStaysOnBlue() {
        String stateFile = dir.resolve("rollout-state.json").toString();
        try (RelayFixture f = RelayFixture.start(c -> c.withStateFile(stateFile), RandomSource.seeded(3))) {
            f.green.switchProfile(ProfileSettings.of(Profile.FLAKY).withErrorPercent(100));
            ok(admin(
                    f,
                    "POST",
                    "/admin/rollout",
                    "{\"increment\":10,\"interval_seconds\":300," + "\"evaluation_interval_ms\":100," + FAST_JUDGE
                            + "}"));

            // Traffic until the timer's judge rolls back; the deadline only bounds a broken build.
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (f.relay.rollout().state().phase() != Phase.ROLLED_BACK && System.nanoTime() < deadline) {
                chats(f, "auto", 20);
            }

            assertThat(f.relay.rollout().state().phase()).isEqualTo(Phase.ROLLED_BACK);
            assertThat(f.relay.policyStore().current().greenWeight()).isZero();
            assertThat(f.relay.rolloutTicker().ticks()).isPositive();
            JsonNode events = ok(admin(f, "GET", "/admin/events", null)).path("events");
            JsonNode rollback = null;
            for (JsonNode e : events) {
                if (e.path("type").asText().equals("ROLLED_BACK")) {
                    rollback = e;
                }
            }
            assertThat(rollback).as(events.toString()).isNotNull();
            assertThat(rollback.at("/weights/green").asInt()).isZero();
            assertThat(rollback.at("/rollback/automatic").asBoolean()).isTrue();
            assertThat(rollback.at("/rollback/from_green_weight").asInt()).isEqualTo(10);
            assertThat(rollback.at("/verdict/decision").asText()).isEqualTo("BREACH");
            assertThat(rollback.at("/verdict/breached_check").asText()).isEqualTo("error_rate");
            assertThat(rollback.at("/verdict/error_rate/errors").asLong()).isPositive();
            assertThat(rollback.path("t_ms").asLong()).isPositive();
            JsonNode status = RolloutSupport.status(f).path("rollout");
            assertThat(status.at("/rollback/verdict/error_rate/samples").asLong())
                    .isPositive();
        }

        try (RelayFixture restarted = RelayFixture.start(
                c -> c.withStateFile(stateFile)
                        .withRouting(new RoutingConfig("weighted", new WeightsConfig(90, 10), null)),
                RandomSource.seeded(4))) {
            // the config asks for green 10, the state file says a rollback happened: blue wins
            assertThat(restarted.relay.rollout().state().phase()).isEqualTo(Phase.ROLLED_BACK);
            assertThat(restarted.relay.policyStore().current().greenWeight()).isZero();
            assertThat(chats(restarted, "auto", 30)).isEqualTo(30);
            assertThat(restarted.green.counts().total()).isZero();
            assertThat(ok(admin(restarted, "GET", "/admin/events", null))
                            .at("/events/0/type")
                            .asText())
                    .isEqualTo("RESTORED");
        }
    }
}
