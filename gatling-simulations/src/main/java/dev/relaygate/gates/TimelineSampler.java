package dev.relaygate.gates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Samples a probe (typically the relay's status plus client-side counts) once per period on its own
 * daemon thread, stamping each sample with {@code t_ms} since the gate's zero. A failing probe leaves a
 * sample with {@code probe_error} rather than a gap, so a dead relay is visible in the timeline.
 */
public final class TimelineSampler implements AutoCloseable {

    private final LongFunction<Map<String, Object>> probe;
    private final GateClock clock;
    private final List<Map<String, Object>> samples = new ArrayList<>();
    private ScheduledExecutorService executor;
    private volatile boolean closing;

    /** The probe receives the sample's {@code t_ms}. */
    public TimelineSampler(GateClock clock, LongFunction<Map<String, Object>> probe) {
        this.clock = clock;
        this.probe = probe;
    }

    public synchronized TimelineSampler start(Duration period) {
        if (executor != null) {
            throw new IllegalStateException("sampler already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gate-timeline");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleAtFixedRate(this::sampleNow, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Takes one sample at once (also used by tests and at the end of a run). */
    public void sampleNow() {
        long tMs = clock.elapsedMs();
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("t_ms", tMs);
        try {
            Map<String, Object> values = probe.apply(tMs);
            values.forEach((k, v) -> {
                if (!"t_ms".equals(k)) {
                    sample.put(k, v);
                }
            });
        } catch (RuntimeException e) {
            if (closing) {
                return; // a probe cut short by close() is not a sample
            }
            sample.put("probe_error", String.valueOf(e.getMessage()));
        }
        synchronized (samples) {
            samples.add(sample);
        }
    }

    public List<Map<String, Object>> samples() {
        synchronized (samples) {
            return List.copyOf(samples.stream().map(LinkedHashMap::new).toList());
        }
    }

    @Override
    public synchronized void close() {
        closing = true;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }
}
