package dev.relaygate.relay.proxy;

import dev.relaygate.relay.Clock;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.metrics.RelayMetrics;
import dev.relaygate.relay.routing.Environment;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What every exchange shares: Vert.x, the upstream targets, limits, metrics, clock, listeners. */
public final class ProxyContext {

    final Vertx vertx;
    final Clock clock;
    final RelayMetrics metrics;
    final UpstreamTarget blue;
    final UpstreamTarget green;
    final long timeoutNanos;
    final int maxRetries;
    final long retryBackoffMs;
    final long streamIdleTimeoutMs;
    private final List<ExchangeListener> listeners = new CopyOnWriteArrayList<>();

    public ProxyContext(Vertx vertx, Clock clock, RelayMetrics metrics, RelayConfig config) {
        this.vertx = vertx;
        this.clock = clock;
        this.metrics = metrics;
        this.blue = UpstreamTarget.create(vertx, Environment.BLUE, config.environments().blue(), config.upstream());
        this.green = UpstreamTarget.create(vertx, Environment.GREEN, config.environments().green(),
                config.upstream());
        this.timeoutNanos = config.upstream().timeoutMs() * 1_000_000L;
        this.maxRetries = config.upstream().maxRetries();
        this.retryBackoffMs = config.upstream().retryBackoffMs();
        this.streamIdleTimeoutMs = config.streaming().idleTimeoutMs();
    }

    public UpstreamTarget target(Environment environment) {
        return environment == Environment.GREEN ? green : blue;
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

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    public void close() {
        blue.close();
        green.close();
    }
}
