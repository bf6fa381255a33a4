package dev.relaygate.gates;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies in microseconds into an HdrHistogram {@link Recorder}: writers never block each other
 * (Gatling's and Vert.x's threads record concurrently); one reader folds the interval histograms into
 * an accumulated copy, so reading never loses a value.
 */
public final class LatencyRecorder {

    /** One minute in microseconds: anything slower is clamped, and counted as such in the max. */
    static final long HIGHEST_US = TimeUnit.MINUTES.toMicros(1);

    private final Recorder recorder = new Recorder(1, HIGHEST_US, 3);
    private final Histogram total = new Histogram(1, HIGHEST_US, 3);

    public void recordMicros(long micros) {
        recorder.recordValue(Math.max(1, Math.min(micros, HIGHEST_US)));
    }

    public void recordMillis(long millis) {
        recordMicros(TimeUnit.MILLISECONDS.toMicros(millis));
    }

    public void recordNanos(long nanos) {
        recordMicros(TimeUnit.NANOSECONDS.toMicros(nanos));
    }

    /** Adds everything {@code other} recorded (e.g. one block into a run's total). */
    public void add(LatencyRecorder other) {
        Histogram h = other.snapshot();
        synchronized (this) {
            total.add(h);
        }
    }

    /** Drops everything recorded so far (e.g. the warm-up). */
    public synchronized void reset() {
        recorder.reset();
        total.reset();
    }

    /** An accumulated copy of everything recorded since the last reset. */
    public synchronized Histogram snapshot() {
        total.add(recorder.getIntervalHistogram());
        return total.copy();
    }

    public long count() {
        return snapshot().getTotalCount();
    }

    /** p50, p95, p99, p999 and max in milliseconds with microsecond resolution; empty when nothing was recorded. */
    public Map<String, Double> percentilesMs() {
        return percentiles(snapshot(), 1000.0);
    }

    /** The same in microseconds, for sub-millisecond series. */
    public Map<String, Double> percentilesUs() {
        return percentiles(snapshot(), 1.0);
    }

    static Map<String, Double> percentiles(Histogram h, double divisor) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (h.getTotalCount() == 0) {
            return out;
        }
        out.put("p50", round(h.getValueAtPercentile(50.0) / divisor));
        out.put("p95", round(h.getValueAtPercentile(95.0) / divisor));
        out.put("p99", round(h.getValueAtPercentile(99.0) / divisor));
        out.put("p999", round(h.getValueAtPercentile(99.9) / divisor));
        out.put("max", round(h.getMaxValue() / divisor));
        return out;
    }

    static double round(double v) {
        return Rounding.round3(v);
    }
}
