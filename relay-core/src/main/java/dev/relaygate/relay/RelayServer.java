package dev.relaygate.relay;

import dev.relaygate.relay.admin.AdminApi;
import dev.relaygate.relay.config.ConfigException;
import dev.relaygate.relay.config.ConfigProblem;
import dev.relaygate.relay.config.ConfigValidator;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.fleet.Fleet;
import dev.relaygate.relay.health.HealthMonitor;
import dev.relaygate.relay.log.RequestAccounting;
import dev.relaygate.relay.metrics.RelayMetrics;
import dev.relaygate.relay.rollout.RolloutController;
import dev.relaygate.relay.rollout.RolloutTicker;
import dev.relaygate.relay.routing.PolicyStore;
import dev.relaygate.relay.shadow.ShadowSummary;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.time.RandomSource;
import dev.relaygate.relay.upstream.Upstreams;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The relay, in-process: tests and Gatling simulations start one on a loopback port, the CLI's
 * {@code serve} runs one until SIGTERM. Its parts are built by {@link RelayAssembly}; this class
 * listens and shuts down in order.
 *
 * <pre>{@code
 * try (RelayServer relay = RelayServer.start(config, Clock.system())) {
 *     String baseUrl = relay.baseUrl();          // http://127.0.0.1:PORT/v1
 *     relay.policyStore().setGreenWeight(10, "test");
 * }
 * }</pre>
 */
public final class RelayServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RelayServer.class.getName());

    private final RelayAssembly parts;
    private volatile int port;
    private volatile boolean closed;
    private final DescriptorBudget budget;
    private final ConnectionGuard guard;

    private RelayServer(RelayAssembly parts, DescriptorBudget budget, ConnectionGuard guard) {
        this.parts = parts;
        this.budget = budget;
        this.guard = guard;
    }

    /** Starts with the system clock and per-thread random numbers; blocks until listening. */
    public static RelayServer start(RelayConfig config) {
        return start(config, Clock.system(), RandomSource.threadLocal());
    }

    public static RelayServer start(RelayConfig config, Clock clock) {
        return start(config, clock, RandomSource.threadLocal());
    }

    /**
     * Validates the config, starts {@code server.event_loops} HTTP server instances on one port and
     * blocks until they listen.
     *
     * @throws ConfigException when the config is invalid, or {@code server.max_connections} does not fit
     *     the process's open-file limit
     * @throws PortInUseException when another process holds the port
     * @throws IllegalStateException when the port cannot be bound for another reason
     */
    public static RelayServer start(RelayConfig config, Clock clock, RandomSource random) {
        List<ConfigProblem> problems = ConfigValidator.validate(config);
        if (!problems.isEmpty()) {
            throw ConfigException.of(problems);
        }
        AcceptPathPreload.run();
        RelayAssembly parts = RelayAssembly.build(config, clock, random);
        RelayServer relay;
        try {
            relay = listening(parts, config);
        } catch (Exception e) {
            parts.close();
            parts.vertx.close();
            if (e instanceof ConfigException configProblem) {
                throw configProblem;
            }
            String where = config.server().host() + ":" + config.server().port();
            if (PortInUseException.isCause(e)) {
                throw new PortInUseException(where, e);
            }
            throw new IllegalStateException("relay could not listen on " + where + ": " + e.getMessage(), e);
        }
        LOG.log(System.Logger.Level.INFO, "relay listening on port " + relay.port + "; " + relay.budget.describe());
        return relay;
    }

    private static RelayServer listening(RelayAssembly parts, RelayConfig config) throws Exception {
        // Read after Vert.x is up, so its selectors and the jars opened so far count as in use.
        DescriptorBudget budget = DescriptorBudget.of(config);
        RelayServer relay = new RelayServer(parts, budget, new ConnectionGuard(config.server(), budget));
        relay.listen().await(30, TimeUnit.SECONDS);
        relay.firstConnection();
        parts.startTimers();
        return relay;
    }

    private Future<Void> listen() {
        RelayConfig config = parts.config;
        String host = config.server().host();
        long drain = config.server().drainTimeoutMs();
        int instances = config.server().eventLoops();
        // All instances ask for the same port; Vert.x binds once and spreads accepted connections
        // over the instances. Port 0 would give each instance its own random port; Vert.x's
        // negative port means "one random port shared by all servers asking for it".
        int requested = config.server().port() == 0 ? -1 : config.server().port();
        List<RelayVerticle> started = new CopyOnWriteArrayList<>();
        return parts.vertx
                .deployVerticle(
                        () -> {
                            RelayVerticle v = new RelayVerticle(host, requested, parts.requestHandler, drain, guard);
                            started.add(v);
                            return v;
                        },
                        new DeploymentOptions().setInstances(instances))
                .compose(id -> {
                    port = started.get(0).actualPort();
                    for (RelayVerticle v : started) {
                        if (v.actualPort() != port) {
                            return Future.failedFuture(
                                    "server instances listen on different ports: " + port + " and " + v.actualPort());
                        }
                    }
                    return Future.succeededFuture();
                });
    }

    /**
     * Connects to the relay itself once and asks for {@code /healthz}: this loads every class the accept and
     * request path needs while descriptors are plentiful, and lets {@link ConnectionGuard} count accepted
     * connections at the listening channel from now on, before any client can flood it.
     */
    private void firstConnection() throws IOException, InterruptedException {
        String host = parts.config.server().host();
        String target = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target, port), 5_000);
            socket.setSoTimeout(5_000);
            socket.getOutputStream()
                    .write(("GET /healthz HTTP/1.1\r\nHost: " + target + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            socket.getInputStream().readAllBytes();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!guard.acceptGateInstalled()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the connection limit was not in place 5 s after the first connection");
            }
            Thread.sleep(1);
        }
    }

    public int port() {
        return port;
    }

    /** What an OpenAI SDK uses as its base URL: {@code http://HOST:PORT/v1}. */
    public String baseUrl() {
        return "http://" + parts.config.server().host() + ":" + port + "/v1";
    }

    /** Root of the control paths: {@code http://HOST:PORT}. */
    public String adminUrl() {
        return "http://" + parts.config.server().host() + ":" + port;
    }

    /**
     * The connection limit in effect ({@code server.max_connections}, or the one derived from the
     * open-file limit) and the limit it was derived from, as one line.
     */
    public String connectionLimits() {
        return budget.describe();
    }

    /** The effective {@code server.max_connections}. */
    public int maxConnections() {
        return guard.maxConnections();
    }

    /** Client connections open now. */
    public int openConnections() {
        return guard.openConnections();
    }

    /** Client connections answered 503 at the connection limit since start. */
    public long refusedConnections() {
        return guard.refusedConnections();
    }

    public PolicyStore policyStore() {
        return parts.policyStore;
    }

    public RelayMetrics metrics() {
        return parts.metrics;
    }

    public AdminApi admin() {
        return parts.admin;
    }

    /** Which upstream plays blue and which plays green (they swap on {@code promote --swap}). */
    public Upstreams upstreams() {
        return parts.upstreams;
    }

    /**
     * The rollout controller (phases, judge, rollback). In-process callers may call it directly; its
     * operator methods write the state file, so call them off the event loop.
     */
    public RolloutController rollout() {
        return parts.rollout;
    }

    /** The controller's timer thread; {@link RolloutTicker#call} runs work serialized with its ticks. */
    public RolloutTicker rolloutTicker() {
        return parts.rolloutTicker;
    }

    /** Active health checks and key validation (green's shift guard). */
    public HealthMonitor health() {
        return parts.health;
    }

    /** Request log and cost per environment. */
    public RequestAccounting accounting() {
        return parts.accounting;
    }

    /** Shadow comparison counts (the judge's quality check reads their deltas). */
    public ShadowSummary shadowSummary() {
        return parts.shadowSummary;
    }

    public RelayConfig config() {
        return parts.config;
    }

    /** The {@code cluster} section of the status document when this relay is a fleet member. */
    public Optional<Map<String, Object>> fleetStatus() {
        return Optional.ofNullable(parts.fleet).map(Fleet::status);
    }

    public Clock clock() {
        return parts.clock;
    }

    public Vertx vertx() {
        return parts.vertx;
    }

    /**
     * Graceful stop: stop accepting, let in-flight requests and streams finish up to
     * {@code server.drain_timeout_ms}, then close the upstream clients and Vert.x. Blocks.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        parts.stopTimers();
        long waitMs = parts.config.server().drainTimeoutMs() + 10_000;
        Vertx vertx = parts.vertx;
        try {
            // Undeploying stops accepting and lets in-flight exchanges finish, up to the drain timeout.
            Future.all(vertx.deploymentIDs().stream().map(vertx::undeploy).toList())
                    .await(waitMs, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "draining did not finish in " + waitMs + " ms: " + e);
        }
        // On this thread, never on an event loop: draining the JSONL writers blocks.
        parts.close();
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Vert.x did not close in 10 s: " + e);
        }
    }
}
