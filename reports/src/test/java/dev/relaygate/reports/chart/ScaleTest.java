package dev.relaygate.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ScaleTest {

    @ParameterizedTest
    @CsvSource({"655, 800", "100, 100", "5.5, 6", "0.3, 0.3", "1, 1", "41200, 50000"})
    void niceScalesEndOnARoundTick(double max, double niceMax) {
        LinearScale scale = LinearScale.nice(0, max, 0, 100, 5);
        assertThat(scale.domainMin()).isZero();
        assertThat(scale.domainMax()).isCloseTo(niceMax, within(1e-9));
        assertThat(scale.ticks(5).get(scale.ticks(5).size() - 1)).isCloseTo(niceMax, within(1e-9));
    }

    @Test
    void negativeValuesExtendTheDomainBelowZero() {
        LinearScale scale = LinearScale.nice(-7600, 16807, 260, 34, 5);
        assertThat(scale.domainMin()).isEqualTo(-10000);
        assertThat(scale.domainMax()).isEqualTo(20000);
        assertThat(scale.ticks(5)).contains(0.0);
        assertThat(scale.origin()).isCloseTo(260 - 226.0 / 3, within(1e-9));
    }

    @Test
    void mapsLinearly() {
        LinearScale scale = new LinearScale(0, 800, 14, 860);
        assertThat(scale.map(44.9)).isCloseTo(14 + 44.9 / 800 * 846, within(1e-9));
    }

    @Test
    void emptyDomainIsRejectedNamingTheBounds() {
        assertThatThrownBy(() -> new LinearScale(1, 1, 0, 10))
                .hasMessage("domainMax must be greater than domainMin, but was [1.0, 1.0]");
    }

    @Test
    void logScaleCoversWholeDecadesAndPutsZeroAtTheOrigin() {
        LogScale scale = LogScale.covering(2.61, 41200, 14, 860);
        assertThat(scale.ticks(0)).containsExactly(1.0, 10.0, 100.0, 1000.0, 10000.0, 100000.0);
        assertThat(scale.map(100)).isCloseTo(14 + 2.0 / 5 * 846, within(1e-9));
        assertThat(scale.map(0)).isEqualTo(scale.origin());
    }
}
