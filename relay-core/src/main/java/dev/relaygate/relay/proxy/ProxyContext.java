package dev.relaygate.relay.proxy;

import dev.relaygate.relay.Clock;
import dev.relaygate.relay.config.EnvironmentsConfig;
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
    private final RelayConfig config;
    // Swapped together by swapRoles(); a request reads one target once, so in-flight requests keep theirs.
    private volatile Roles roles;
    private final List<UpstreamTarget> retired = new CopyOnWriteArrayList<>();
    final long timeoutNanos;
    final int maxRetries;
    final long retryBackoffMs;
    final long streamIdleTimeoutMs;
    final int bufferEvents;
    private final List<ExchangeListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ShadowMirror mirror;

    public ProxyContext(Vertx vertx, Clock clock, RelayMetrics metrics, RelayConfig config) {
        this.vertx = vertx;
        this.clock = clock;
        this.metrics = metrics;
        this.config = config;
        this.roles = Roles.create(vertx, config.environments(), config);
        this.timeoutNanos = config.upstream().timeoutMs() * 1_000_000L;
        this.maxRetries = config.upstream().maxRetries();
        this.retryBackoffMs = config.upstream().retryBackoffMs();
        this.streamIdleTimeoutMs = config.streaming().idleTimeoutMs();
        this.bufferEvents = config.streaming().bufferEvents();
    }

    public UpstreamTarget target(Environment environment) {
        Roles r = roles;
        return environment == Environment.GREEN ? r.green : r.blue;
    }

    /** Which upstream plays blue and which plays green right now (after {@link #swapRoles()}, the reverse of the config). */
    public EnvironmentsConfig environments() {
        return roles.environments;
    }

    /**
     * {@code promote --swap}: green's upstream becomes blue and blue's becomes the idle green. New
     * requests use the new roles at once; requests in flight finish on the targets they hold, whose
     * clients stay open until {@link #close()}.
     */
    public synchronized EnvironmentsConfig swapRoles() {
        Roles old = roles;
        roles = Roles.create(vertx, new EnvironmentsConfig(old.environments.green(), old.environments.blue()), config);
        retired.add(old.blue);
        retired.add(old.green);
        return roles.environments;
    }

    /** Whether {@link #swapRoles()} left the roles reversed from the config's. */
    public boolean rolesSwapped() {
        return !roles.environments.blue().equals(config.environments().blue());
    }

    private record Roles(EnvironmentsConfig environments, UpstreamTarget blue, UpstreamTarget green) {
        static Roles create(Vertx vertx, EnvironmentsConfig envs, RelayConfig config) {
            return new Roles(envs, UpstreamTarget.create(vertx, Environment.BLUE, envs.blue(), config.upstream()),
                    UpstreamTarget.create(vertx, Environment.GREEN, envs.green(), config.upstream()));
        }
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
        Roles r = roles;
        r.blue.close();
        r.green.close();
        retired.forEach(UpstreamTarget::close);
    }
}
