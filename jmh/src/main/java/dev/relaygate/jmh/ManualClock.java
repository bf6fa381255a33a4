package dev.relaygate.jmh;

import dev.relaygate.relay.time.Clock;

/** A hand-advanced clock, so interval snapshots get exact, reproducible start and end times. */
final class ManualClock implements Clock {

    private long millis;

    ManualClock(long startMillis) {
        this.millis = startMillis;
    }

    void advanceMillis(long delta) {
        millis += delta;
    }

    @Override
    public long nanoTime() {
        return millis * 1_000_000L;
    }

    @Override
    public long currentTimeMillis() {
        return millis;
    }
}
