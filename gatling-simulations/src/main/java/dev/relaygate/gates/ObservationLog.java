package dev.relaygate.gates;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * Every request's {@link Observation}, kept whole (a few tens of thousands per gate) so a gate can ask
 * questions after the run: the green share between two policy changes, failures after a rollback, the
 * latency of one phase. Measured requests also feed a {@link LatencyRecorder} and
 * {@link OutcomeCounters} as they arrive, for the live timeline.
 */
public final class ObservationLog {

    private final ConcurrentLinkedQueue<Observation> all = new ConcurrentLinkedQueue<>();
    private final LatencyRecorder latency = new LatencyRecorder();
    private final OutcomeCounters counters = new OutcomeCounters();

    public void record(Observation o) {
        all.add(o);
        if (o.measured()) {
            if (o.answered()) {
                latency.recordMillis(o.latencyMs());
            }
            counters.record(o.environment(), o.failed());
        }
    }

    /**
     * The latency of the requests that got an answer. A request with no response has no response time: it
     * is a failure, and counting it as 0 ms would pull every percentile down.
     */
    public static LatencyRecorder answeredLatency(List<Observation> observations) {
        LatencyRecorder recorder = new LatencyRecorder();
        observations.stream().filter(Observation::answered).forEach(o -> recorder.recordMillis(o.latencyMs()));
        return recorder;
    }

    public List<Observation> measured() {
        return select(Observation::measured);
    }

    public List<Observation> select(Predicate<Observation> filter) {
        List<Observation> out = new ArrayList<>();
        for (Observation o : all) {
            if (filter.test(o)) {
                out.add(o);
            }
        }
        return out;
    }

    /** Measured requests started in {@code [fromNanos, toNanos)}. */
    public List<Observation> startedBetween(long fromNanos, long toNanos) {
        return select(o -> o.measured() && o.startNanos() - fromNanos >= 0 && o.startNanos() - toNanos < 0);
    }

    public LatencyRecorder latency() {
        return latency;
    }

    public OutcomeCounters counters() {
        return counters;
    }

    /** Measured requests and failures, and the failed share (NaN without requests). */
    public static double failedRatio(List<Observation> observations) {
        if (observations.isEmpty()) {
            return Double.NaN;
        }
        return (double) observations.stream().filter(Observation::failed).count() / observations.size();
    }
}
