package dev.relaygate.relay.fleet;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Notices that this process stood still (SIGSTOP, a long GC pause, a frozen VM): a timer that should fire every
 * {@value #PERIOD_MS} ms finds far more time gone. A member that stood still longer than the fleet's failure
 * detection was removed meanwhile and may have missed decisions, so it must not trust what it routes by.
 */
final class StallWatch implements AutoCloseable {

    static final long PERIOD_MS = 200;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "relaygate-stall-watch");
        t.setDaemon(true);
        return t;
    });
    private long last = System.nanoTime();

    /** @param onStall called (on the watch's thread) with the stall's length in ms, when longer than {@code thresholdMs} */
    StallWatch(long thresholdMs, LongConsumer onStall) {
        timer.scheduleAtFixedRate(
                () -> {
                    long now = System.nanoTime();
                    long gapMs = TimeUnit.NANOSECONDS.toMillis(now - last);
                    last = now;
                    if (gapMs > thresholdMs) {
                        onStall.accept(gapMs);
                    }
                },
                PERIOD_MS,
                PERIOD_MS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
