package dev.relaygate.gates.relays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class ComparedRelayNamesTest {

    @Test
    void aListKeepsItsOrderWithoutRepeats() {
        assertThat(ComparedRelayNames.parse(" relaygate, Portkey ,relaygate,external"))
                .containsExactly("relaygate", "portkey", "external");
    }

    @Test
    void anUnknownRelayIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> ComparedRelayNames.parse("relaygate,kong"))
                .hasMessage("gates.relays must be a comma-separated list of relaygate, portkey, external, but named"
                        + " 'kong'");
    }

    @Test
    void aComparisonWithoutRelaygateIsRefusedBecauseItsResultsDecideTheBuild() {
        assertThatThrownBy(() -> ComparedRelayNames.parse("portkey")).hasMessageContaining("must include relaygate");
    }
}
