package dev.relaygate.relay.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

final class LatencyHistogramsTest {

    @Test
    void convertsMicrosecondsToMilliseconds() {
        Histogram micros = new Histogram(3_600_000_000L, 3);
        micros.recordValueWithCount(80_000, 99);
        micros.recordValue(250_000);
        Histogram ms = LatencyHistograms.fromMicros(micros);
        assertThat(ms.getTotalCount()).isEqualTo(100);
        assertThat(ms.getValueAtPercentile(50)).isEqualTo(80);
        assertThat(ms.getMaxValue()).isEqualTo(250);
    }

    @Test
    void samplesEveryValueWhenTheHistogramIsSmall() {
        Histogram h = LatencyHistograms.newMillis();
        h.recordValueWithCount(10, 3);
        h.recordValue(20);
        assertThat(LatencyHistograms.sample(h, 500)).containsExactly(10, 10, 10, 20);
    }

    @Test
    void boundsTheSampleAndKeepsTheQuantiles() {
        Histogram h = LatencyHistograms.newMillis();
        for (int v = 1; v <= 100; v++) {
            h.recordValueWithCount(v, 100);
        }
        double[] s = LatencyHistograms.sample(h, 50);
        assertThat(s).hasSize(50);
        assertThat(s[0]).isEqualTo(2.0);
        assertThat(s[25]).isCloseTo(52.0, within(1.0));
        assertThat(s[49]).isEqualTo(100.0);
    }

    @Test
    void countsValuesAboveAThreshold() {
        Histogram h = LatencyHistograms.newMillis();
        h.recordValueWithCount(150, 90);
        h.recordValueWithCount(250, 10);
        assertThat(LatencyHistograms.countAbove(h, 200)).isEqualTo(10);
    }
}
