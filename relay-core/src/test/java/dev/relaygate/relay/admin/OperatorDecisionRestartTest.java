package dev.relaygate.relay.admin;

import static dev.relaygate.relay.admin.RolloutSupport.FAST_JUDGE;
import static dev.relaygate.relay.admin.RolloutSupport.admin;
import static dev.relaygate.relay.admin.RolloutSupport.ok;
import static dev.relaygate.relay.admin.RolloutSupport.samplesByPolicy;
import static dev.relaygate.relay.admin.RolloutSupport.tick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.config.RoutingConfig;
import dev.relaygate.relay.config.WeightsConfig;
import dev.relaygate.relay.rollout.Phase;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.support.ShiftedClock;
import dev.relaygate.relay.time.RandomSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operator decision is in the state file before its answer: a relay killed right after the answer (its
 * state file copied at that instant, as {@code kill -9} would leave it) restarts with the decision in force,
 * whatever the config's routing says.
 */
@Tag("abuse")
final class OperatorDecisionRestartTest {

    private final ShiftedClock clock = new ShiftedClock();

    @TempDir
    Path dir;

    private int crashes;

    /**
     * A relay configured blue 80 / green 20 with a state file; {@code decide} runs against it, then {@code check}
     * against a relay restarted from the state file as a kill right after the last answer left it.
     */
    private void decideThenCrashAndRestart(Consumer<RelayFixture> decide, Consumer<RelayServer> check) {
        Path stateFile = dir.resolve("state-" + crashes + ".json");
        try (RelayFixture f = RelayFixture.start(
                c -> RolloutSupport.idleTimer(c)
                        .withStateFile(stateFile.toString())
                        .withRouting(new RoutingConfig("weighted", new WeightsConfig(80, 20), null)),
                RandomSource.seeded(5),
                clock)) {
            decide.accept(f);
            Path leftByKill = dir.resolve("killed-" + crashes++ + ".json");
            copy(stateFile, leftByKill);
            // The same config and upstreams, the state file as the killed process left it.
            try (RelayServer restarted = RelayServer.start(
                    f.relay.config().withStateFile(leftByKill.toString()), clock, RandomSource.seeded(6))) {
                check.accept(restarted);
            }
        }
    }

    private static final String ROLLOUT = "{\"increment\":10,\"interval_seconds\":60," + FAST_JUDGE + "}";

    @Test
    void aManualRollbackOfAStableSplitSurvivesARestart() {
        decideThenCrashAndRestart(f -> ok(admin(f, "POST", "/admin/rollback", "{}")), restarted -> {
            assertThat(restarted.policyStore().current().greenWeight()).isZero();
            assertThat(restarted.policyStore().current().changedBy()).isEqualTo("admin rollback");
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> r =
                        Http.post(restarted.baseUrl() + "/chat/completions", Http.chatBody("m", false), Map.of());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.headers().firstValue("X-Relay-Environment")).contains("blue");
            }
        });
    }

    @Test
    void aTrafficShiftSurvivesARestart() {
        decideThenCrashAndRestart(
                f -> ok(admin(f, "POST", "/admin/traffic-shift", "{\"blue\":70,\"green\":30}")), restarted -> {
                    assertThat(restarted.policyStore().current().greenWeight()).isEqualTo(30);
                    assertThat(restarted.rollout().state().phase()).isEqualTo(Phase.STABLE);
                });
    }

    @Test
    void aRoutingPolicyPatchSurvivesARestart() {
        String patch = "{\"routing\":{\"strategy\":\"weighted\",\"weights\":{\"blue\":55,\"green\":45}}}";
        decideThenCrashAndRestart(
                f -> ok(admin(f, "PATCH", "/v1/routing/policy", patch)),
                restarted -> assertThat(restarted.policyStore().current().greenWeight())
                        .isEqualTo(45));
    }

    @Test
    void aStartedRolloutSurvivesARestartAtItsStep() {
        decideThenCrashAndRestart(f -> ok(admin(f, "POST", "/admin/rollout", ROLLOUT)), restarted -> {
            assertThat(restarted.rollout().state().phase()).isEqualTo(Phase.CANARY);
            assertThat(restarted.policyStore().current().greenWeight()).isEqualTo(10);
        });
    }

    @Test
    void aRolloutCancelledByATrafficShiftStaysCancelledAfterARestart() {
        decideThenCrashAndRestart(
                f -> {
                    ok(admin(f, "POST", "/admin/rollout", ROLLOUT));
                    ok(admin(f, "POST", "/admin/traffic-shift", "{\"blue\":95,\"green\":5}"));
                },
                restarted -> {
                    assertThat(restarted.rollout().state().phase()).isEqualTo(Phase.STABLE);
                    assertThat(restarted.policyStore().current().greenWeight()).isEqualTo(5);
                });
    }

    @Test
    void aResetAfterARollbackSurvivesARestartWithGreenStillAtZero() {
        decideThenCrashAndRestart(
                f -> {
                    ok(admin(f, "POST", "/admin/rollout", ROLLOUT));
                    ok(admin(f, "POST", "/admin/rollback", "{}"));
                    ok(admin(f, "POST", "/admin/rollout/reset", "{}"));
                },
                restarted -> {
                    assertThat(restarted.rollout().state().phase()).isEqualTo(Phase.STABLE);
                    assertThat(restarted.policyStore().current().greenWeight()).isZero();
                });
    }

    @Test
    void aPromotionWithSwappedRolesSurvivesARestart() {
        decideThenCrashAndRestart(
                f -> {
                    ok(admin(
                            f,
                            "POST",
                            "/admin/rollout",
                            "{\"increment\":50,\"interval_seconds\":1," + FAST_JUDGE + "}"));
                    tick(f); // the slice that spans the step start is not judged
                    samplesByPolicy(f, 40);
                    clock.advanceMillis(2_000);
                    tick(f);
                    assertThat(f.relay.rollout().state().phase()).isEqualTo(Phase.PROMOTED);
                    ok(admin(f, "POST", "/admin/promote", "{\"swap\":true}"));
                },
                restarted -> {
                    assertThat(restarted.rollout().state().phase()).isEqualTo(Phase.STABLE);
                    assertThat(restarted.upstreams().rolesSwapped()).isTrue();
                    assertThat(restarted.upstreams().environments().blue().name())
                            .isEqualTo("green-provider");
                    assertThat(restarted.policyStore().current().greenWeight()).isZero();
                });
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
