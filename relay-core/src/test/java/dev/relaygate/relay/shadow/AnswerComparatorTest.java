package dev.relaygate.relay.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class AnswerComparatorTest {

    private final AnswerComparator comparator = new AnswerComparator(0.05, 0.92);

    private static ShadowAnswer answer(int status, long completion, double latency, String text) {
        return new ShadowAnswer(status, 100, completion, latency, text);
    }

    @Test
    void matchesTheSameAnswer() {
        ShadowComparison c = comparator.compare(
                answer(200, 40, 300, "The capital of France is Paris."),
                answer(200, 41, 350, "the capital of france is paris"));
        assertThat(c.matched()).isTrue();
        assertThat(c.similarity()).isCloseTo(1.0, within(1e-12));
        assertThat(c.latencyDifferenceMs()).isEqualTo(50.0);
    }

    @Test
    void flagsADifferentAnswerAsDissimilar() {
        ShadowComparison c = comparator.compare(
                answer(200, 40, 300, "The capital of France is Paris."),
                answer(200, 40, 300, "I cannot help with that request."));
        assertThat(c.similar()).isFalse();
        assertThat(c.matched()).isFalse();
        assertThat(c.statusMatch()).isTrue();
    }

    @Test
    void computesTheCosineOfWordCounts() {
        // a = {x:2, y:1}, b = {x:1, z:1}: dot 2, |a| sqrt5, |b| sqrt2.
        assertThat(comparator.similarity("x x y", "x z")).isCloseTo(2 / Math.sqrt(10), within(1e-12));
        assertThat(comparator.similarity("", "")).isEqualTo(1.0);
        assertThat(comparator.similarity("words", "")).isZero();
    }

    @Test
    void allowsUsageWithinTheTokenTolerance() {
        assertThat(comparator
                        .compare(answer(200, 100, 1, "a"), answer(200, 105, 1, "a"))
                        .usageWithinTolerance())
                .isTrue();
        assertThat(comparator
                        .compare(answer(200, 100, 1, "a"), answer(200, 110, 1, "a"))
                        .usageWithinTolerance())
                .isFalse();
        assertThat(comparator
                        .compare(answer(200, -1, 1, "a"), answer(200, 110, 1, "a"))
                        .usageWithinTolerance())
                .isTrue();
    }

    @Test
    void aDifferentStatusIsAMismatch() {
        ShadowComparison c = comparator.compare(answer(200, 1, 1, "ok"), answer(500, 1, 1, "ok"));
        assertThat(c.statusMatch()).isFalse();
        assertThat(c.matched()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.5, Double.NaN})
    void rejectsABadTokenToleranceNamingTheField(double tolerance) {
        assertThatThrownBy(() -> new AnswerComparator(tolerance, 0.9))
                .hasMessage("shadow.token_tolerance must be in [0,1], but was " + tolerance);
    }
}
