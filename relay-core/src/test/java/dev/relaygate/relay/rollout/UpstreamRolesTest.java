package dev.relaygate.relay.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class UpstreamRolesTest {

    private static final UpstreamRoles CONFIGURED = UpstreamRoles.of("a", "http://127.0.0.1:1", "b", "http://127.0.0.1:2");

    @Test
    void theConfigsRolesReversedAreASwap() {
        assertThat(UpstreamRoles.of("b", "http://127.0.0.1:2", "a", "http://127.0.0.1:1").isSwapOf(CONFIGURED)).isTrue();
        assertThat(CONFIGURED.isSwapOf(CONFIGURED)).isFalse();
    }

    @Test
    void anUpstreamTheConfigNoLongerHasIsNoSwap() {
        assertThat(UpstreamRoles.of("b", "http://127.0.0.1:3", "a", "http://127.0.0.1:1").isSwapOf(CONFIGURED)).isFalse();
    }

    @Test
    void twoUpstreamsThatCannotBeToldApartAreNeverASwap() {
        UpstreamRoles same = UpstreamRoles.of("a", "http://127.0.0.1:1", "a", "http://127.0.0.1:1");
        assertThat(same.isSwapOf(same)).isFalse();
    }
}
