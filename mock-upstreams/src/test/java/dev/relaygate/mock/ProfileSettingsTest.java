package dev.relaygate.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ProfileSettingsTest {

    static Stream<Arguments> invalidChanges() {
        return Stream.of(
                Arguments.of(
                        (UnaryOperator<ProfileSettings>) p -> p.withErrorPercent(140),
                        "error_percent must be in [0,100], but was 140.0"),
                Arguments.of(
                        (UnaryOperator<ProfileSettings>) p -> p.withErrorPercent(-1),
                        "error_percent must be in [0,100], but was -1.0"),
                Arguments.of(
                        (UnaryOperator<ProfileSettings>) p -> p.withAddedLatencyMs(-5),
                        "added_latency_ms must be in [0,600000], but was -5"),
                Arguments.of(
                        (UnaryOperator<ProfileSettings>) p -> p.withTokensPerAnswer(0),
                        "tokens_per_answer must be in [1,100000], but was 0"),
                Arguments.of(
                        (UnaryOperator<ProfileSettings>) p -> p.withGapBetweenEventsMs(-1),
                        "gap_between_events_ms must be in [0,60000], but was -1"),
                Arguments.of(
                        (UnaryOperator<ProfileSettings>) p -> p.withAbortAfterEvents(-1),
                        "abort_after_events must be in [0,100000], but was -1"));
    }

    @ParameterizedTest
    @MethodSource("invalidChanges")
    void anOutOfRangeParameterIsRejectedNamingFieldRuleAndValue(UnaryOperator<ProfileSettings> change, String message) {
        assertThatThrownBy(() -> change.apply(ProfileSettings.healthy()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void withersChangeOnlyTheirComponent() {
        ProfileSettings p = ProfileSettings.healthy().withProfile(Profile.SLOW).withAddedLatencyMs(250);

        assertThat(p).isEqualTo(new ProfileSettings(Profile.SLOW, 250, 0.0, 5, 5, 8, 3, 42L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mid-stream-abort", "MID_STREAM_ABORT", " mid_stream_abort "})
    void profileNamesParseInCliAndEnumSpelling(String text) {
        assertThat(Profile.parse(text)).isEqualTo(Profile.MID_STREAM_ABORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sleepy", ""})
    void anUnknownProfileNameListsTheValidOnes(String text) {
        assertThatThrownBy(() -> Profile.parse(text))
                .hasMessageContaining("healthy, slow, flaky")
                .hasMessageEndingWith("but was " + text);
    }

    @Test
    void mockSettingsNeverPrintTheKey() {
        assertThat(MockSettings.of("blue", "sk-secret").toString()).doesNotContain("sk-secret");
    }
}
