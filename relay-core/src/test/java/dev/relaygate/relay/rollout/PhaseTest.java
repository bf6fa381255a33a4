package dev.relaygate.relay.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PhaseTest {

    @ParameterizedTest
    @CsvSource({
        "STABLE, SHADOW",
        "STABLE, CANARY",
        "SHADOW, CANARY",
        "CANARY, CANARY",
        "CANARY, PROMOTED",
        "SHADOW, ROLLED_BACK",
        "CANARY, ROLLED_BACK",
        "PROMOTED, ROLLED_BACK",
        "SHADOW, STABLE",
        "CANARY, STABLE",
        "PROMOTED, STABLE",
        "ROLLED_BACK, STABLE"
    })
    void allowsTheTransitionsInTheTable(Phase from, Phase to) {
        assertThat(from.canTransitionTo(to)).isTrue();
        Phase.checkTransition(from, to);
    }

    @ParameterizedTest
    @CsvSource({
        "STABLE, PROMOTED",
        "STABLE, ROLLED_BACK",
        "STABLE, STABLE",
        "SHADOW, PROMOTED",
        "SHADOW, SHADOW",
        "PROMOTED, CANARY",
        "ROLLED_BACK, CANARY",
        "ROLLED_BACK, SHADOW",
        "ROLLED_BACK, PROMOTED",
        "ROLLED_BACK, ROLLED_BACK"
    })
    void rejectsEveryOtherTransitionNamingBothPhases(Phase from, Phase to) {
        assertThatThrownBy(() -> Phase.checkTransition(from, to))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageStartingWith("illegal rollout transition " + from + " -> " + to);
    }

    @Test
    void onlyShadowCanaryAndPromotedAreLive() {
        assertThat(Phase.values())
                .filteredOn(Phase::isLive)
                .containsExactly(Phase.SHADOW, Phase.CANARY, Phase.PROMOTED);
    }
}
