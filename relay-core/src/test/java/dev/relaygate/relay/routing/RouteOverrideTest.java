package dev.relaygate.relay.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class RouteOverrideTest {

    @ParameterizedTest
    @CsvSource({"blue,BLUE", "GREEN,GREEN", "Auto,AUTO", "'',NONE"})
    void parsesTheHeaderCaseInsensitively(String header, RouteOverride expected) {
        assertThat(RouteOverride.parse(header)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"red", "blue ", "bluegreen", "g"})
    void rejectsUnknownValuesWithNull(String header) {
        assertThat(RouteOverride.parse(header)).isNull();
    }
}
