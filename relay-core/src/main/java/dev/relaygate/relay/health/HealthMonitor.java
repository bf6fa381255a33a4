package dev.relaygate.relay.health;

import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.upstream.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Active health checks and key validation: every {@code health_check_interval_seconds} a Vert.x
 * timer probes each environment's {@code /models} with its key (non-blocking, on the event loop's
 * client). The latest result per environment decides whether it may receive a shift; an
 * environment never checked yet counts as healthy until its first probe.
 */
public final class HealthMonitor implements AutoCloseable {

    private final Vertx vertx;
    private final Upstreams upstreams;
    private final Clock clock;
    private final long timeoutMs;
    private final Map<Environment, AtomicReference<KeyCheck>> latest = new EnumMap<>(Environment.class);
    private long timerId = -1;

    public HealthMonitor(Vertx vertx, Upstreams upstreams, Clock clock, long timeoutMs) {
        this.vertx = vertx;
        this.upstreams = upstreams;
        this.clock = clock;
        this.timeoutMs = timeoutMs;
        for (Environment e : Environment.all()) {
            latest.put(e, new AtomicReference<>());
        }
    }

    /**
     * Starts the periodic checks, the first one interval from now (a shift probes green on demand
     * anyway); 0 seconds disables them.
     */
    public HealthMonitor start(long intervalSeconds) {
        if (intervalSeconds > 0) {
            timerId = vertx.setPeriodic(intervalSeconds * 1000, id -> checkAll());
        }
        return this;
    }

    /** Probes both environments now; each result also becomes that environment's health. */
    public Future<List<KeyCheck>> checkAll() {
        return Future.all(check(Environment.BLUE), check(Environment.GREEN))
                .map(all -> List.of(all.resultAt(0), all.resultAt(1)));
    }

    /** Probes one environment now and records the result. */
    public Future<KeyCheck> check(Environment environment) {
        return ModelsProbe.probe(upstreams.target(environment), timeoutMs, clock)
                .onSuccess(c -> latest.get(environment).set(c));
    }

    /** The latest probe, or null before the first. */
    public KeyCheck latest(Environment environment) {
        return latest.get(environment).get();
    }

    /**
     * Vets a shift that sends green traffic: a fresh probe of green's key; 401/403 or an unhealthy
     * answer blocks it with a reason naming the environment and the status (never the key).
     */
    public Future<ShiftVeto> vetGreen(int greenWeight) {
        return check(Environment.GREEN).map(c -> {
            if (c.keyRejected()) {
                return ShiftVeto.keyRejected("green's key was rejected: " + c.describe() + "; shift to green "
                        + greenWeight + "% blocked so no client sees green's " + c.status() + " (fix "
                        + ShiftVeto.GREEN_KEY_FIELD + ", then POST /admin/validate-keys)");
            }
            if (!c.healthy()) {
                return ShiftVeto.unhealthy(
                        "green is unhealthy: " + c.describe() + "; shift to green " + greenWeight + "% blocked");
            }
            return null;
        });
    }

    /**
     * Why green must not receive a client's forced request right now, from its latest probe: its key was
     * rejected or it is unhealthy; null when it may (or was never probed). Allocation-free: read per request.
     */
    public String greenRefusal() {
        KeyCheck c = latest(Environment.GREEN);
        if (c == null) {
            return null;
        }
        if (c.keyRejected()) {
            return "green's key was rejected";
        }
        return c.healthy() ? null : "green is unhealthy";
    }

    /** The "health" section of {@code /admin/status}. */
    public Map<String, Object> status() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Environment e : Environment.all()) {
            KeyCheck c = latest(e);
            out.put(e.wireName(), c == null ? Map.of("healthy", true, "checked", false) : c);
        }
        return out;
    }

    @Override
    public void close() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }
}
