package dev.relaygate.relay.proxy;

import dev.relaygate.relay.time.Clock;
import io.vertx.core.Vertx;

/**
 * {@code streaming.idle_timeout_ms} for one started answer (SSE or JSON alike): fires once when the upstream
 * has sent nothing for that long. Time the relay itself held the upstream paused (the client reading slowly)
 * is not silence. One timer per answer, moved forward only when it fires (check-on-fire), so a chunk costs a
 * clock read, not a timer.
 *
 * <p>Threading: created, touched and fired on the exchange's event loop (Vert.x timers set from a context run
 * on it), so the fields need no synchronization.
 */
final class SilenceWatch {

    private final Vertx vertx;
    private final Clock clock;
    private final long limitMs;
    private Runnable onSilence;
    private long lastNanos;
    private boolean paused;
    private boolean stopped;
    private long timerId = -1;

    SilenceWatch(Vertx vertx, Clock clock, long limitMs) {
        this.vertx = vertx;
        this.clock = clock;
        this.limitMs = limitMs;
    }

    long limitMs() {
        return limitMs;
    }

    /** Starts watching from now; {@code onSilence} runs at most once. */
    void start(Runnable onSilence) {
        this.onSilence = onSilence;
        lastNanos = clock.nanoTime();
        schedule(limitMs);
    }

    /** The upstream sent something. */
    void touch() {
        lastNanos = clock.nanoTime();
    }

    /** The relay paused reading the upstream (the client's write queue is full): not the upstream's silence. */
    void pause() {
        paused = true;
    }

    void resume() {
        paused = false;
        lastNanos = clock.nanoTime();
    }

    /** The answer ended or broke off: never fire. */
    void stop() {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    private void schedule(long delayMs) {
        timerId = vertx.setTimer(Math.max(1, delayMs), id -> check());
    }

    private void check() {
        timerId = -1;
        if (stopped) {
            return;
        }
        long silentMs = (clock.nanoTime() - lastNanos) / 1_000_000L;
        if (paused || silentMs < limitMs) {
            schedule(paused ? limitMs : limitMs - silentMs);
            return;
        }
        stopped = true;
        onSilence.run();
    }
}
