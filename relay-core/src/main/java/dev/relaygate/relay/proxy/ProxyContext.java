package dev.relaygate.relay.proxy;

import dev.relaygate.relay.exchange.ExchangeListener;
import dev.relaygate.relay.exchange.ExchangeRecord;
import dev.relaygate.relay.shadow.ShadowMirror;
import dev.relaygate.relay.upstream.UpstreamTarget;
import dev.relaygate.relay.upstream.Upstreams;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.config.EnvironmentsConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.metrics.RelayMetrics;
import dev.relaygate.relay.exchange.Environment;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What every exchange shares: Vert.x, the upstream targets, limits, metrics, clock, listeners. */
public final class ProxyContext {

    final Vertx vertx;
    final Clock clock;
    final RelayMetrics metrics;
    private final Upstreams upstreams;
    public final long timeoutNanos;
    final int maxRetries;
    final long retryBackoffMs;
    public final long streamIdleTimeoutMs;
    final int bufferEvents;
    private final List<ExchangeListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ShadowMirror mirror;

    public ProxyContext(Vertx vertx, Clock clock, RelayMetrics metrics, RelayConfig config) {
        this.vertx = vertx;
        this.clock = clock;
        this.metrics = metrics;
        this.upstreams = new Upstreams(vertx, config);
        this.timeoutNanos = config.upstream().timeoutMs() * 1_000_000L;
        this.maxRetries = config.upstream().maxRetries();
        this.retryBackoffMs = config.upstream().retryBackoffMs();
        this.streamIdleTimeoutMs = config.streaming().idleTimeoutMs();
        this.bufferEvents = config.streaming().bufferEvents();
    }

    public UpstreamTarget target(Environment environment) {
        return upstreams.target(environment);
    }

    public Upstreams upstreams() {
        return upstreams;
    }

    public void addListener(ExchangeListener listener) {
        listeners.add(listener);
    }

    void finished(ExchangeRecord record) {
        for (ExchangeListener listener : listeners) {
            try {
                listener.onFinished(record);
            } catch (RuntimeException e) {
                System.getLogger(ProxyContext.class.getName())
                        .log(System.Logger.Level.WARNING, "exchange listener failed: " + e);
            }
        }
    }

    /** Installs shadow mirroring (one per relay). */
    public void setMirror(ShadowMirror newMirror) {
        this.mirror = newMirror;
    }

    /** The mirror when copies are wanted right now, else null. */
    ShadowMirror activeMirror() {
        ShadowMirror m = mirror;
        return m != null && m.active() ? m : null;
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    public void close() {
        upstreams.close();
    }
}
