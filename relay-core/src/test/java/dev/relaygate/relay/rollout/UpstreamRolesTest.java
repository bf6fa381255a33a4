package dev.relaygate.relay.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class UpstreamRolesTest {

    private static final UpstreamRoles CONFIGURED =
            UpstreamRoles.of("a", "http://127.0.0.1:1", "b", "http://127.0.0.1:2", false);

    @Test
    void aSavedSwapOfThisConfigIsRestored() {
        assertThat(UpstreamRoles.of("b", "http://127.0.0.1:2", "a", "http://127.0.0.1:1", true)
                        .restoresSwapOf(CONFIGURED))
                .isTrue();
    }

    @Test
    void rolesSavedInTheConfigsOwnOrderAreNoSwap() {
        // the operator edited the config to the swapped order: the file, saved then, says not swapped
        assertThat(UpstreamRoles.of("b", "http://127.0.0.1:2", "a", "http://127.0.0.1:1", false)
                        .restoresSwapOf(CONFIGURED))
                .isFalse();
        assertThat(CONFIGURED.restoresSwapOf(CONFIGURED)).isFalse();
    }

    @Test
    void anUpstreamTheConfigNoLongerHasIsNoSwap() {
        assertThat(UpstreamRoles.of("b", "http://127.0.0.1:3", "a", "http://127.0.0.1:1", true)
                        .restoresSwapOf(CONFIGURED))
                .isFalse();
    }

    @Test
    void twoUpstreamsThatCannotBeToldApartAreNeverASwap() {
        UpstreamRoles same = UpstreamRoles.of("a", "http://127.0.0.1:1", "a", "http://127.0.0.1:1", true);
        assertThat(same.restoresSwapOf(same)).isFalse();
    }
}
