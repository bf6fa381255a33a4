package dev.relaygate.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import dev.relaygate.relay.config.ConfigProblem;
import dev.relaygate.relay.config.ConfigValidator;
import dev.relaygate.relay.config.StreamingConfig;
import dev.relaygate.relay.metrics.Counts;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.support.SseClient;
import dev.relaygate.relay.time.RandomSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code streaming.buffer_events}: a green stream failing inside the window is served by blue, unseen. */
final class BufferEventsTest {

    private static final int WINDOW = 5;
    private static final int TOKENS = 10;

    @Test
    void aGreenStreamAbortedInsideTheWindowReachesTheClientCompleteFromBlueAndCountsAsGreensError() {
        try (RelayFixture f = start(WINDOW)) {
            f.green.switchProfile(ProfileSettings.healthy()
                    .withProfile(Profile.MID_STREAM_ABORT)
                    .withAbortAfterEvents(2)
                    .withGapBetweenEventsMs(10)
                    .withTokensPerAnswer(TOKENS));
            f.relay.policyStore().setGreenWeight(100, "test");
            Counts before = f.relay.metrics().green().counts();

            SseClient.Result r = post(f);

            assertThat(r.error()).isNull();
            assertThat(r.header("X-Relay-Environment")).isEqualTo("blue");
            assertThat(r.completeAndInOrder())
                    .as("a whole blue stream: %s", r.events())
                    .isTrue();
            assertThat(r.sawDone()).isTrue();
            Counts green = f.relay.metrics().green().counts().minus(before);
            assertThat(green.abortedStreams()).as("green %s", green).isEqualTo(1);
            assertThat(green.errors(true)).isEqualTo(1);
        }
    }

    @Test
    void aGreenErrorStatusInsideTheWindowIsRetriedOnBlue() {
        try (RelayFixture f = start(WINDOW)) {
            f.green.switchProfile(
                    ProfileSettings.healthy().withProfile(Profile.FLAKY).withErrorPercent(100));
            f.relay.policyStore().setGreenWeight(100, "test");
            Counts before = f.relay.metrics().green().counts();

            SseClient.Result r = post(f);

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-Relay-Environment")).isEqualTo("blue");
            assertThat(r.completeAndInOrder()).isTrue();
            assertThat(f.relay.metrics().green().counts().minus(before).errors(true))
                    .isEqualTo(1);
        }
    }

    @Test
    void aGreenStreamAbortedAfterTheWindowStaysOnGreenAndIsCut() {
        try (RelayFixture f = start(WINDOW)) {
            f.green.switchProfile(ProfileSettings.healthy()
                    .withProfile(Profile.MID_STREAM_ABORT)
                    .withAbortAfterEvents(WINDOW + 3)
                    .withGapBetweenEventsMs(10)
                    .withTokensPerAnswer(TOKENS));
            f.relay.policyStore().setGreenWeight(100, "test");

            SseClient.Result r = post(f);

            assertThat(r.header("X-Relay-Environment")).isEqualTo("green");
            assertThat(r.sawDone()).isFalse();
            assertThat(r.error()).as("a cut stream must not look complete").isNotNull();
        }
    }

    @Test
    void aHealthyStreamDeliversTheSameEventsAsWithoutAWindow() {
        List<String> windowed;
        List<String> passThrough;
        try (RelayFixture f = start(WINDOW)) {
            f.relay.policyStore().setGreenWeight(100, "test");
            SseClient.Result r = post(f);
            assertThat(r.header("X-Relay-Environment")).isEqualTo("green");
            assertThat(r.completeAndInOrder()).isTrue();
            windowed = stable(r);
        }
        try (RelayFixture f = start(0)) {
            f.relay.policyStore().setGreenWeight(100, "test");
            passThrough = stable(post(f));
        }
        assertThat(windowed).isEqualTo(passThrough).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 10_001})
    void bufferEventsOutsideItsRangeIsRejectedNamingTheField(int bad) {
        List<String> problems = ConfigValidator.validate(
                        RelayFixture.baseConfig("http://127.0.0.1:1/v1", "http://127.0.0.1:2/v1")
                                .withStreaming(new StreamingConfig(null, bad)))
                .stream()
                .map(ConfigProblem::message)
                .toList();
        assertThat(problems).contains("streaming.buffer_events must be in [0,10000], but was " + bad);
    }

    @Test
    void bufferEventsDefaultsToZeroPassThrough() {
        assertThat(StreamingConfig.defaults().bufferEvents()).isZero();
        assertThat(new StreamingConfig(5_000L).bufferEvents()).isZero();
    }

    private static RelayFixture start(int window) {
        return RelayFixture.start(c -> c.withStreaming(new StreamingConfig(null, window)), RandomSource.seeded(3));
    }

    private static SseClient.Result post(RelayFixture f) {
        return SseClient.post(f.relay.baseUrl() + "/chat/completions", Http.chatBody("m", true, 64), Map.of(), e -> {});
    }

    /** Event data without the per-answer id and timestamp. */
    private static List<String> stable(SseClient.Result r) {
        return r.events().stream()
                .map(e -> e.data().replaceAll("\"id\":\"[^\"]*\"", "").replaceAll("\"created\":\\d+", ""))
                .toList();
    }
}
