package dev.relaygate.relay.rollout;

import dev.relaygate.relay.judge.EnvironmentSlice;
import dev.relaygate.relay.judge.IntervalSlice;
import dev.relaygate.relay.judge.LatencyHistograms;
import org.HdrHistogram.Histogram;

/** An interval source whose next second the test sets by hand; also records the weights set. */
final class ScriptedSource implements IntervalSource, TrafficControl {

    private final ManualClock clock;
    private long last;
    long blueRequests = 200;
    long blueErrors;
    long greenRequests = 40;
    long greenErrors;
    long greenLatencyMs = 80;
    int greenWeight = -1;
    int weightChanges;
    boolean lastCount429;

    ScriptedSource(ManualClock clock) {
        this.clock = clock;
        this.last = clock.currentTimeMillis();
    }

    @Override
    public IntervalSlice take(boolean count429AsError) {
        lastCount429 = count429AsError;
        long now = clock.currentTimeMillis();
        IntervalSlice s = new IntervalSlice(
                last,
                now,
                new EnvironmentSlice(blueRequests, blueErrors, latencies(blueRequests, 80)),
                new EnvironmentSlice(greenRequests, greenErrors, latencies(greenRequests, greenLatencyMs)),
                0,
                0);
        last = now;
        return s;
    }

    @Override
    public void setGreenWeight(int greenWeight, String reason) {
        this.greenWeight = greenWeight;
        weightChanges++;
    }

    private static Histogram latencies(long n, long ms) {
        Histogram h = LatencyHistograms.newMillis();
        if (n > 0) {
            h.recordValueWithCount(ms, n);
        }
        return h;
    }
}
