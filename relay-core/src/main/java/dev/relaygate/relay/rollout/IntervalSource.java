package dev.relaygate.relay.rollout;

import dev.relaygate.relay.judge.IntervalSlice;

/**
 * Where the controller's tick takes the interval since its previous tick. Taking resets the
 * interval (HdrHistogram {@code Recorder} semantics), so the controller must be the only caller.
 */
@FunctionalInterface
public interface IntervalSource {

    /** @param count429AsError whether upstream 429s count as errors for the judge */
    IntervalSlice take(boolean count429AsError);
}
