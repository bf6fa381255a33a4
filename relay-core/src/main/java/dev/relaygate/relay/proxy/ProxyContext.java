package dev.relaygate.relay.proxy;

import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.exchange.ExchangeListener;
import dev.relaygate.relay.exchange.ExchangeRecord;
import dev.relaygate.relay.metrics.RelayMetrics;
import dev.relaygate.relay.shadow.ShadowMirror;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.time.RandomSource;
import dev.relaygate.relay.upstream.Upstreams;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import java.util.List;

/**
 * What every exchange shares, fixed when the relay is assembled: Vert.x, the upstreams, the attempt
 * policy, stream settings, metrics, clock, the exchange listeners and the shadow mirror.
 */
public final class ProxyContext {

    private static final System.Logger LOG = System.getLogger(ProxyContext.class.getName());

    final Vertx vertx;
    final Clock clock;
    final RelayMetrics metrics;
    final Upstreams upstreams;
    final AttemptPolicy attempts;
    final long streamIdleTimeoutMs;
    final int bufferEvents;
    /** {@code X-Relay-Member}'s value in a fleet (this member's id); null when the relay runs alone. */
    final CharSequence member;

    private final List<ExchangeListener> listeners;
    private final ShadowMirror mirror;

    /**
     * @param retryJitter draws for the retry backoff
     * @param listeners told about every finished exchange (request log, accounting), in order
     * @param mirror    shadow mirroring, or null when the relay never mirrors
     */
    public ProxyContext(
            Vertx vertx,
            Clock clock,
            RandomSource retryJitter,
            RelayMetrics metrics,
            Upstreams upstreams,
            RelayConfig config,
            List<ExchangeListener> listeners,
            ShadowMirror mirror) {
        this.vertx = vertx;
        this.clock = clock;
        this.metrics = metrics;
        this.upstreams = upstreams;
        this.attempts = new AttemptPolicy(config.upstream(), retryJitter);
        this.streamIdleTimeoutMs = config.streaming().idleTimeoutMs();
        this.bufferEvents = config.streaming().bufferEvents();
        this.member = config.cluster() == null
                ? null
                : HttpHeaders.createOptimized(config.cluster().memberId());
        this.listeners = List.copyOf(listeners);
        this.mirror = mirror;
    }

    void finished(ExchangeRecord record) {
        for (ExchangeListener listener : listeners) {
            try {
                listener.onFinished(record);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "exchange listener failed: " + e);
            }
        }
    }

    /** The mirror when copies are wanted right now, else null. */
    ShadowMirror activeMirror() {
        ShadowMirror m = mirror;
        return m != null && m.active() ? m : null;
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }
}
