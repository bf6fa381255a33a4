package dev.relaygate.relay.judge;

import java.util.ArrayDeque;
import java.util.ArrayList;
import org.HdrHistogram.Histogram;

/**
 * Keeps recent {@link IntervalSlice}s and running totals over them, so a window costs a few
 * histogram adds and subtracts per tick instead of re-summing 30 slices.
 *
 * <p>Not thread-safe: it belongs to the rollout controller's tick, the only reader of the interval
 * histograms. The cutoff only moves forward, which is what makes running totals correct.
 */
public final class WindowBuffer {

    private final ArrayDeque<IntervalSlice> slices = new ArrayDeque<>();
    private final Histogram blueLatency = LatencyHistograms.newMillis();
    private final Histogram greenLatency = LatencyHistograms.newMillis();
    private long blueRequests;
    private long blueErrors;
    private long greenRequests;
    private long greenErrors;
    private ErrorCauses blueCauses = ErrorCauses.NONE;
    private ErrorCauses greenCauses = ErrorCauses.NONE;
    private long shadowCompared;
    private long shadowDissimilar;

    /** Appends the newest slice. */
    public void add(IntervalSlice slice) {
        slices.addLast(slice);
        apply(slice, 1);
    }

    /**
     * The window of slices that started at or after {@code cutoffMillis}; older slices are dropped
     * for good.
     *
     * @param cutoffMillis {@code max(now - window_seconds, step start)}
     */
    public Window window(long cutoffMillis) {
        while (!slices.isEmpty() && slices.peekFirst().startMillis() < cutoffMillis) {
            apply(slices.pollFirst(), -1);
        }
        long start = slices.isEmpty() ? cutoffMillis : slices.peekFirst().startMillis();
        long end = slices.isEmpty() ? cutoffMillis : slices.peekLast().endMillis();
        return new Window(
                start,
                end,
                new ArrayList<>(slices),
                new EnvironmentWindow(blueRequests, blueErrors, blueLatency.copy(), blueCauses),
                new EnvironmentWindow(greenRequests, greenErrors, greenLatency.copy(), greenCauses),
                shadowCompared,
                shadowDissimilar);
    }

    /** How many slices are held. */
    public int size() {
        return slices.size();
    }

    private void apply(IntervalSlice s, int sign) {
        blueRequests += sign * s.blue().requests();
        blueErrors += sign * s.blue().errors();
        greenRequests += sign * s.green().requests();
        greenErrors += sign * s.green().errors();
        shadowCompared += sign * s.shadowCompared();
        shadowDissimilar += sign * s.shadowDissimilar();
        if (sign > 0) {
            blueCauses = blueCauses.plus(s.blue().causes());
            greenCauses = greenCauses.plus(s.green().causes());
            blueLatency.add(s.blue().latencyMs());
            greenLatency.add(s.green().latencyMs());
        } else {
            blueCauses = blueCauses.minus(s.blue().causes());
            greenCauses = greenCauses.minus(s.green().causes());
            blueLatency.subtract(s.blue().latencyMs());
            greenLatency.subtract(s.green().latencyMs());
        }
    }
}
