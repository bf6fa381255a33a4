package dev.relaygate.relay.upstream;

import dev.relaygate.relay.config.EnvironmentsConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.exchange.Environment;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which upstream plays blue and which plays green, each with its pooled client. The exchange, the
 * shadow copy and the health probe all reach an upstream through here.
 */
public final class Upstreams implements AutoCloseable {

    private final Vertx vertx;
    private final RelayConfig config;
    // Swapped together by swapRoles(); a request reads one target once, so in-flight requests keep theirs.
    private volatile Roles roles;
    private final List<UpstreamTarget> retired = new CopyOnWriteArrayList<>();

    public Upstreams(Vertx vertx, RelayConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.roles = Roles.create(vertx, config.environments(), config);
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
            return new Roles(
                    envs,
                    UpstreamTarget.create(vertx, Environment.BLUE, envs.blue(), config.upstream()),
                    UpstreamTarget.create(vertx, Environment.GREEN, envs.green(), config.upstream()));
        }
    }

    /** Closes every client, retired ones included. */
    @Override
    public void close() {
        Roles r = roles;
        r.blue.close();
        r.green.close();
        retired.forEach(UpstreamTarget::close);
    }
}
