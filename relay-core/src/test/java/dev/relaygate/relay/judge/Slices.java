package dev.relaygate.relay.judge;

import java.util.List;
import org.HdrHistogram.Histogram;

/** Builders for hand-made interval slices and windows. */
final class Slices {

    private Slices() {}

    static Histogram latencies(long count, long valueMs) {
        Histogram h = LatencyHistograms.newMillis();
        if (count > 0) {
            h.recordValueWithCount(valueMs, count);
        }
        return h;
    }

    /** A one-second slice starting at second {@code second}, both environments at fixed latencies. */
    static IntervalSlice slice(
            int second, long blueN, long blueErr, long blueMs, long greenN, long greenErr, long greenMs) {
        return new IntervalSlice(
                second * 1000L,
                (second + 1) * 1000L,
                new EnvironmentSlice(blueN, blueErr, latencies(blueN, blueMs)),
                new EnvironmentSlice(greenN, greenErr, latencies(greenN, greenMs)),
                0,
                0);
    }

    static IntervalSlice shadowSlice(int second, long compared, long dissimilar) {
        return new IntervalSlice(
                second * 1000L,
                (second + 1) * 1000L,
                EnvironmentSlice.empty(),
                EnvironmentSlice.empty(),
                compared,
                dissimilar);
    }

    static Window window(List<IntervalSlice> slices) {
        WindowBuffer b = new WindowBuffer();
        slices.forEach(b::add);
        return b.window(Long.MIN_VALUE);
    }
}
