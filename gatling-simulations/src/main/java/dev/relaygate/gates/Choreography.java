package dev.relaygate.gates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The timed control actions of a gate (shift weights, degrade green, roll back) on their own thread, so
 * blocking admin calls never run on a load generator thread. Started by the load itself (a one-user
 * control scenario), so offsets count from the start of injection. A failing step is kept and turns
 * into a gate failure instead of vanishing in a log.
 */
public final class Choreography implements AutoCloseable {

    private record Step(Duration at, String name, Runnable action) {}

    private final List<Step> steps = new ArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gate-control");
        t.setDaemon(true);
        return t;
    });

    public Choreography at(Duration offset, String name, Runnable action) {
        if (started.get()) {
            throw new IllegalStateException("choreography already started; add step '" + name + "' before");
        }
        steps.add(new Step(offset, name, action));
        return this;
    }

    /** Schedules every step from now; a second call does nothing. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        for (Step step : steps) {
            executor.schedule(
                    () -> {
                        try {
                            step.action.run();
                        } catch (RuntimeException e) {
                            failures.add("control step '" + step.name + "' failed: " + e.getMessage());
                        }
                    },
                    step.at.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Runs an extra action on the control thread as soon as possible (e.g. a reaction to an observation). */
    public void now(String name, Runnable action) {
        executor.execute(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                failures.add("control step '" + name + "' failed: " + e.getMessage());
            }
        });
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
