package dev.relaygate.relay.rollout;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The controller's own timer thread: calls {@link RolloutController#tick()} every
 * {@code evaluation_interval_ms} (re-read before each tick, so a rollout started with another period
 * takes effect at once) and runs operator calls on the same thread. One thread means a tick and an
 * operator's cancel or rollback never interleave, and the event loop never waits for the judge or
 * the state file.
 */
public final class RolloutTicker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RolloutTicker.class.getName());

    private final Runnable tick;
    private final LongSupplier periodMs;
    private final ScheduledThreadPoolExecutor thread;
    private final LongAdder ticks = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private volatile boolean closed;

    /** @param periodMs the current evaluation interval in ms, read before every tick */
    public RolloutTicker(RolloutController controller, LongSupplier periodMs) {
        this(Objects.requireNonNull(controller, "controller")::tick, periodMs);
    }

    /**
     * @param tick     one evaluation (in a fleet: report this member's interval, and judge if it leads)
     * @param periodMs the current evaluation interval in ms, read before every tick
     */
    public RolloutTicker(Runnable tick, LongSupplier periodMs) {
        this.tick = Objects.requireNonNull(tick, "tick");
        this.periodMs = Objects.requireNonNull(periodMs, "periodMs");
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "relaygate-rollout");
            t.setDaemon(true);
            return t;
        });
        // On close the pending tick is dropped (it may be an evaluation interval away); queued operator
        // calls and a tick in progress still finish.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = executor;
    }

    public RolloutTicker start() {
        scheduleNext();
        return this;
    }

    /** Runs an operator call on the rollout thread, after any tick in progress. */
    public <T> CompletableFuture<T> call(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    result.complete(work.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the relay is shutting down", e));
        }
        return result;
    }

    /** Ticks run so far. */
    public long ticks() {
        return ticks.sum();
    }

    /** Ticks that threw (logged; the timer keeps going). */
    public long failures() {
        return failures.sum();
    }

    public long periodMs() {
        return periodMs.getAsLong();
    }

    private void scheduleNext() {
        if (closed) {
            return;
        }
        try {
            thread.schedule(this::tickOnce, Math.max(1, periodMs.getAsLong()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private void tickOnce() {
        try {
            tick.run();
            ticks.increment();
        } catch (RuntimeException | Error e) {
            failures.increment();
            LOG.log(System.Logger.Level.ERROR, "rollout tick failed: " + e, e);
        } finally {
            scheduleNext();
        }
    }

    /** Whether the rollout thread has ended (after {@link #close()}). */
    boolean terminated() {
        return thread.isTerminated();
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
