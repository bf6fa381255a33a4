package dev.relaygate.relay.support;

import dev.relaygate.relay.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real time plus a hand-advanced offset: latencies stay real (nanoTime is the system's), while the
 * rollout controller's wall clock jumps forward when a test says so (steps, windows, intervals).
 */
public final class ShiftedClock implements Clock {

    private final AtomicLong offsetMillis = new AtomicLong();

    public void advanceMillis(long delta) {
        offsetMillis.addAndGet(delta);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }
}
