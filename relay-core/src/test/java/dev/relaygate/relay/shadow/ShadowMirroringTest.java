package dev.relaygate.relay.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import dev.relaygate.mock.ServedCounts;
import dev.relaygate.relay.config.RequestLogConfig;
import dev.relaygate.relay.config.ShadowConfig;
import dev.relaygate.relay.config.TrafficShiftSettings;
import dev.relaygate.relay.rollout.Phase;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.support.ShiftedClock;
import dev.relaygate.relay.support.SseClient;
import dev.relaygate.relay.time.RandomSource;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SHADOW phase in the running relay: blue answers, green gets copies, the judge's quality check decides. */
final class ShadowMirroringTest {

    private static final String QUALITY_JUDGE = "{\"shadow_first\":true,\"interval_seconds\":1,"
            + "\"validation_threshold\":{\"min_samples\":20,\"max_dissimilar_share\":0.05}}";

    @TempDir
    Path dir;

    private final ShiftedClock clock = new ShiftedClock();

    private RelayFixture start() {
        return RelayFixture.start(
                c -> c.withTrafficShift(TrafficShiftSettings.of(null, null, null, 60_000L, null))
                        .withRequestLog(new RequestLogConfig(dir.toString(), null, null, null), Map.of()),
                RandomSource.seeded(9),
                clock);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(condition.getAsBoolean()).as("condition within the deadline").isTrue();
    }

    private static void tick(RelayFixture f) {
        f.relay
                .rolloutTicker()
                .call(() -> {
                    f.relay.rollout().tick();
                    return null;
                })
                .join();
    }

    /** A rollout that starts in SHADOW, judged on quality; the first tick opens its window. */
    private static void startShadowRollout(RelayFixture f) {
        assertThat(Http.post(f.url("/admin/rollout"), QUALITY_JUDGE, RelayFixture.admin())
                        .statusCode())
                .isEqualTo(200);
        tick(f);
    }

    private static void send(RelayFixture f, int n) {
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r =
                    Http.post(f.relay.baseUrl() + "/chat/completions", Http.chatBody("gpt-4.1", false), Map.of());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Relay-Environment")).contains("blue");
        }
    }

    @Test
    void matchingShadowAnswersPassTheQualityCheckAndTheRolloutMovesToCanary() throws Exception {
        try (RelayFixture f = start()) {
            startShadowRollout(f);
            assertThat(f.relay.rollout().state().phase()).isEqualTo(Phase.SHADOW);

            send(f, 30);
            await(() -> f.relay.shadowSummary().snapshot().compared() == 30);
            clock.advanceMillis(2_000);
            tick(f);

            // The mock counts a request after its response was written: wait for the count, then pin it.
            await(() -> f.green.counts().total() >= 30);
            assertThat(f.green.counts().total()).isEqualTo(30);
            assertThat(f.relay.shadowSummary().snapshot().dissimilar()).isZero();
            assertThat(f.relay.rollout().state().phase()).isEqualTo(Phase.CANARY);
            JsonNode shadow = f.status().path("shadow");
            assertThat(shadow.path("compared").asLong()).isEqualTo(30);
            await(() -> lines(ShadowLog.FILE_PREFIX).size() == 30);
        }
    }

    @Test
    void streamsAreMirroredAsStreamsAndComparedByTheirText() {
        try (RelayFixture f = start()) {
            startShadowRollout(f);
            long greenStreams = RelayFixture.settled(f.green, ServedCounts::streams);

            for (int i = 0; i < 25; i++) {
                SseClient.Result r = stream(f);
                assertThat(r.header("X-Relay-Environment")).isEqualTo("blue");
                assertThat(r.sawDone()).isTrue();
            }
            await(() -> f.relay.shadowSummary().snapshot().compared() == 25);
            clock.advanceMillis(2_000);
            tick(f);

            assertThat(RelayFixture.settled(f.green, ServedCounts::streams) - greenStreams)
                    .as("green got stream copies")
                    .isEqualTo(25);
            assertThat(f.relay.shadowSummary().snapshot().matched()).isEqualTo(25);
            assertThat(f.relay.rollout().state().phase())
                    .as("a streaming workload can pass SHADOW")
                    .isEqualTo(Phase.CANARY);
        }
    }

    @Test
    void aDivergentGreenStreamIsCountedDissimilar() {
        try (RelayFixture f = start()) {
            f.green.switchProfile(ProfileSettings.of(Profile.DIVERGENT));
            startShadowRollout(f);

            for (int i = 0; i < 25; i++) {
                assertThat(stream(f).sawDone()).isTrue();
            }
            await(() -> f.relay.shadowSummary().snapshot().compared() == 25);
            tick(f);

            assertThat(f.relay.shadowSummary().snapshot().dissimilar()).isEqualTo(25);
            assertThat(f.relay.rollout().state().phase()).isEqualTo(Phase.ROLLED_BACK);
        }
    }

    @Test
    void aBlueStreamWithoutDoneIsNoReferenceAndIsNotMirrored() {
        try (RelayFixture f = start()) {
            f.blue.switchProfile(ProfileSettings.of(Profile.TRUNCATED_STREAM));
            startShadowRollout(f);
            long greenStreams = RelayFixture.settled(f.green, ServedCounts::streams);

            for (int i = 0; i < 5; i++) {
                assertThat(stream(f).sawDone()).isFalse();
            }

            assertThat(f.relay.shadowSummary().snapshot().compared()).isZero();
            assertThat(RelayFixture.settled(f.green, ServedCounts::streams)).isEqualTo(greenStreams);
            await(() -> inFlight(f) == 0);
        }
    }

    @Test
    void aGreenStreamWithoutDoneIsAFailedCopy() {
        try (RelayFixture f = start()) {
            f.green.switchProfile(ProfileSettings.of(Profile.TRUNCATED_STREAM));
            startShadowRollout(f);

            for (int i = 0; i < 5; i++) {
                assertThat(stream(f).sawDone()).isTrue();
            }
            await(() -> f.relay.shadowSummary().snapshot().compared() == 5);

            assertThat(f.relay.shadowSummary().snapshot().mismatched()).isEqualTo(5);
        }
    }

    @Test
    void theQueueCapacityBoundsMirroredAnswersFromTheStartOfBluesAnswer() {
        try (RelayFixture f =
                RelayFixture.start(c -> c.withShadow(new ShadowConfig(1.0, null, 1)), RandomSource.seeded(9), clock)) {
            f.green.switchProfile(ProfileSettings.of(Profile.SLOW).withAddedLatencyMs(2_000));
            startShadowRollout(f);

            send(f, 3); // the first holds the only slot while green's copy is slow

            assertThat(f.relay.shadowSummary().snapshot().dropped()).isEqualTo(2);
            await(() -> f.relay.shadowSummary().snapshot().compared() == 1);
            await(() -> inFlight(f) == 0);
        }
    }

    private static long inFlight(RelayFixture f) {
        return f.status().path("shadow").path("in_flight").asLong(-1);
    }

    private static SseClient.Result stream(RelayFixture f) {
        return SseClient.post(
                f.relay.baseUrl() + "/chat/completions", Http.chatBody("gpt-4.1", true, 16), Map.of(), e -> {});
    }

    @Test
    void divergentGreenAnswersBreachTheQualityCheckAndRollBack() {
        try (RelayFixture f = start()) {
            f.green.switchProfile(ProfileSettings.of(Profile.DIVERGENT));
            startShadowRollout(f);

            send(f, 30);
            await(() -> f.relay.shadowSummary().snapshot().compared() == 30);
            tick(f);

            assertThat(f.relay.shadowSummary().snapshot().dissimilar()).isEqualTo(30);
            assertThat(f.relay.rollout().state().phase()).isEqualTo(Phase.ROLLED_BACK);
            assertThat(f.relay.rollout().state().rollback().verdict().breachedCheck())
                    .isEqualTo("quality");
            await(() -> lines("rollout_events").stream().anyMatch(l -> l.contains("\"type\":\"ROLLED_BACK\"")));
        }
    }

    @Test
    void theClientIsAnsweredByBlueWhileASlowGreenCopyIsStillInFlight() {
        try (RelayFixture f = start()) {
            f.green.switchProfile(ProfileSettings.of(Profile.SLOW).withAddedLatencyMs(3_000));
            Http.post(f.url("/admin/rollout"), QUALITY_JUDGE, RelayFixture.admin());

            send(f, 1);

            assertThat(f.relay.shadowSummary().snapshot().compared())
                    .as("green had not answered yet")
                    .isZero();
            await(() -> f.relay.shadowSummary().snapshot().compared() == 1);
        }
    }

    private java.util.List<String> lines(String prefix) {
        try (Stream<Path> files = Files.list(dir)) {
            java.util.List<String> out = new java.util.ArrayList<>();
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(prefix + "-"))
                    .toList()) {
                out.addAll(Files.readAllLines(p));
            }
            return out;
        } catch (java.io.IOException e) {
            return java.util.List.of();
        }
    }
}
