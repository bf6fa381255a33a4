package dev.relaygate.relay;

import com.hazelcast.core.HazelcastInstance;
import dev.relaygate.relay.admin.AdminApi;
import dev.relaygate.relay.admin.AdminSections;
import dev.relaygate.relay.admin.ControlRoute;
import dev.relaygate.relay.admin.ControlRoutes;
import dev.relaygate.relay.admin.HealthApi;
import dev.relaygate.relay.admin.OperatorCalls;
import dev.relaygate.relay.admin.RolloutApi;
import dev.relaygate.relay.admin.RolloutJson;
import dev.relaygate.relay.config.EnvironmentsConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.RequestLogConfig;
import dev.relaygate.relay.config.TrafficShiftSettings;
import dev.relaygate.relay.exchange.ExchangeListener;
import dev.relaygate.relay.fleet.Fleet;
import dev.relaygate.relay.fleet.HazelcastSetup;
import dev.relaygate.relay.health.HealthMonitor;
import dev.relaygate.relay.log.CostCalculator;
import dev.relaygate.relay.log.RequestAccounting;
import dev.relaygate.relay.log.RequestLog;
import dev.relaygate.relay.metrics.RelayMetrics;
import dev.relaygate.relay.proxy.GreenAccess;
import dev.relaygate.relay.proxy.ProxyContext;
import dev.relaygate.relay.proxy.ProxyHandler;
import dev.relaygate.relay.rollout.ControllerMode;
import dev.relaygate.relay.rollout.Decisions;
import dev.relaygate.relay.rollout.EventTimeline;
import dev.relaygate.relay.rollout.ManualChange;
import dev.relaygate.relay.rollout.MetricsIntervalSource;
import dev.relaygate.relay.rollout.PersistedRouting;
import dev.relaygate.relay.rollout.PersistedState;
import dev.relaygate.relay.rollout.Phase;
import dev.relaygate.relay.rollout.RolloutController;
import dev.relaygate.relay.rollout.RolloutEvent;
import dev.relaygate.relay.rollout.RolloutTicker;
import dev.relaygate.relay.rollout.StateFile;
import dev.relaygate.relay.rollout.UpstreamRoles;
import dev.relaygate.relay.routing.PolicyStore;
import dev.relaygate.relay.routing.RoutingPolicy;
import dev.relaygate.relay.shadow.AnswerComparator;
import dev.relaygate.relay.shadow.ShadowLog;
import dev.relaygate.relay.shadow.ShadowMirror;
import dev.relaygate.relay.shadow.ShadowSummary;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.time.RandomSource;
import dev.relaygate.relay.upstream.Upstreams;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The relay's parts and how they fit: the one place that builds them, each through its constructor and
 * in dependency order, so reading it top to bottom is reading the relay. Nothing is configured after
 * construction. {@link RelayServer} owns one and adds only listening and the shutdown order.
 *
 * <pre>
 * state      policy store (the routing policy every request reads), metrics, upstreams (blue, green)
 * rollout    state file -> controller (judge on interval snapshots, weights into the policy store) -> ticker
 * health     key and health probes of each upstream; green's shift guard
 * logs       request log + cost accounting, rollout events JSONL, shadow diffs JSONL
 * shadow     mirror of blue's answers to green, active in the SHADOW phase or with the shadow strategy
 * requests   proxy context (attempt policy, listeners, mirror) -> proxy handler
 * control    admin, rollout and health APIs -> control routes; with the proxy, the request handler
 * </pre>
 */
final class RelayAssembly implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RelayAssembly.class.getName());
    /** {@link RandomSource#independent} streams: shadow sampling and retry jitter never shift the split's draws. */
    private static final long SHADOW_SAMPLING = 1;

    private static final long RETRY_JITTER = 2;

    final RelayConfig config;
    final Clock clock;
    final Vertx vertx;
    final PolicyStore policyStore;
    final RelayMetrics metrics;
    final Upstreams upstreams;
    final ShadowSummary shadowSummary = new ShadowSummary();
    final RolloutController rollout;
    final RolloutTicker rolloutTicker;
    /** This relay as a fleet member; null without a cluster: section. */
    final Fleet fleet;

    final HealthMonitor health;
    final RequestAccounting accounting;
    final AdminApi admin;
    final RelayRequestHandler requestHandler;
    private final RequestLog<RolloutEvent> eventsLog;
    private final RequestLog<ShadowLog> shadowLog;

    /**
     * Builds the relay on a new Vert.x instance with {@code server.event_loops} event loops; when a part cannot be
     * built (an unreadable state file, a log directory that cannot be created), Vert.x is closed again.
     */
    static RelayAssembly build(RelayConfig config, Clock clock, RandomSource random) {
        VertxOptions options =
                new VertxOptions().setEventLoopPoolSize(config.server().eventLoops());
        // With a cluster: section the same Vert.x is clustered, with Hazelcast embedded; without, no Hazelcast starts.
        HazelcastSetup.Joined joined =
                config.cluster() == null ? null : HazelcastSetup.startClustered(config.cluster(), options);
        Vertx vertx = joined == null ? Vertx.vertx(options) : joined.vertx();
        try {
            return new RelayAssembly(config, clock, random, vertx, joined == null ? null : joined.hazelcast());
        } catch (RuntimeException | Error e) {
            vertx.close();
            throw e;
        }
    }

    private RelayAssembly(
            RelayConfig config, Clock clock, RandomSource random, Vertx vertx, HazelcastInstance hazelcast) {
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
        // The state file first: the routing an operator put in place outlives a restart, the config's does not win.
        StateFile stateFile = config.stateFile() == null ? null : new StateFile(Path.of(config.stateFile()));
        Optional<PersistedState> saved = stateFile == null ? Optional.empty() : stateFile.load();
        RoutingPolicy initialPolicy = saved.map(PersistedState::routing)
                .map(RelayAssembly::restoredPolicy)
                .orElseGet(() -> RoutingPolicy.initial(
                        config.routing().weights().green(),
                        config.routing().routingStrategy(),
                        clock.currentTimeMillis()));
        this.policyStore = new PolicyStore(initialPolicy, clock);
        // Where decisions are computed: the same store alone; in a fleet a second one, so requests only ever route
        // by a committed cluster record.
        PolicyStore decisionStore = hazelcast == null ? policyStore : new PolicyStore(initialPolicy, clock);
        this.metrics = new RelayMetrics(clock);
        this.upstreams = new Upstreams(vertx, config);

        // Rollout. Roles before the controller: restoring a live rollout saves the state file again, with the
        // roles in effect at that moment. Restoring a ROLLED_BACK state sets green 0 through the policy store.
        saved.map(PersistedState::roles).ifPresent(this::restoreRoles);
        EventTimeline timeline = new EventTimeline();
        MetricsIntervalSource ownIntervals = new MetricsIntervalSource(metrics, shadowSummary);
        // In a fleet the controller judges what every member reported (it ticks only on the leader).
        Fleet.Seams fleetSeams = hazelcast == null ? null : Fleet.seams(hazelcast, config.cluster(), clock);
        this.rollout = new RolloutController(
                fleetSeams != null ? fleetSeams.intervals() : ownIntervals,
                (weight, why) -> decisionStore.setGreenWeight(weight, "rollout: " + why),
                clock,
                timeline,
                stateFile,
                () -> rolesOf(upstreams.environments(), upstreams.rolesSwapped()),
                () -> persistedRouting(decisionStore.current()),
                fleetSeams != null ? fleetSeams.controllerMode() : ControllerMode.ALONE);
        if (saved.isPresent()) {
            // The file now says how this config's roles were resolved: a config edited back later must win.
            rollout.saveState();
        }
        this.fleet = hazelcast == null
                ? null
                : new Fleet(
                        config.cluster(),
                        hazelcast,
                        clock,
                        policyStore,
                        decisionStore,
                        rollout,
                        () -> rolesOf(upstreams.environments(), upstreams.rolesSwapped()),
                        upstreams::swapRoles,
                        ownIntervals,
                        fleetSeams);
        if (fleet != null) {
            // Refuses a config that differs from the fleet's; takes the cluster's record over the state file.
            fleet.start(config);
        }
        this.rolloutTicker =
                new RolloutTicker(fleet == null ? rollout::tick : () -> fleet.tick(config.trafficShift()), () -> {
                    TrafficShiftSettings active = rollout.state().settings();
                    return (active != null ? active : config.trafficShift()).evaluationIntervalMs();
                });
        // Before any other timeline listener: a rollback event gets its evidence before anyone reads it.
        RolloutJson rolloutJson = new RolloutJson(rollout, rolloutTicker, config.stateFile());

        this.health =
                new HealthMonitor(vertx, upstreams, clock, config.upstream().timeoutMs());

        // Logs: requests with their cost, the rollout timeline (GET /admin/events serves the in-memory ring), shadow
        // diffs.
        RequestLogConfig logs = config.requestLog();
        this.accounting = new RequestAccounting(
                new CostCalculator(config.prices()),
                logs.enabled() ? jsonl("requests", logs.retentionHours()) : null,
                clock,
                config.cluster() == null ? null : config.cluster().memberId());
        this.eventsLog = logs.enabled() ? jsonl("rollout_events", logs.retentionHours()) : null;
        if (eventsLog != null) {
            timeline.addListener(eventsLog::offer);
        }
        this.shadowLog = logs.enabled() ? jsonl(ShadowLog.FILE_PREFIX, logs.shadowRetentionHours()) : null;

        ShadowMirror mirror = new ShadowMirror(
                upstreams,
                clock,
                random.independent(SHADOW_SAMPLING),
                () -> policyStore.current().shadow() || rollout.state().phase() == Phase.SHADOW,
                config.shadow(),
                config.upstream(),
                config.streaming(),
                new AnswerComparator(
                        config.shadow().tokenTolerance(),
                        config.trafficShift().validationThreshold().minSimilarity()),
                shadowSummary,
                shadowLog);

        // The request path. Usage is read off answers only when someone records it.
        List<ExchangeListener> listeners =
                logs.enabled() || !config.prices().isEmpty() ? List.of(accounting) : List.of();
        ProxyContext proxyContext = new ProxyContext(
                vertx, clock, random.independent(RETRY_JITTER), metrics, upstreams, config, listeners, mirror);
        // A client's X-Route-Policy: green never reaches a rolled-back, key-rejected or unhealthy green. Rolled back
        // means the rollout ended so, or the operator's last change was a rollback (with no rollout running, the
        // phase stays STABLE); the operator's next change (a shift, a reset) lets a client ask for green again.
        GreenAccess greenAccess =
                () -> rollout.state().phase() == Phase.ROLLED_BACK || ManualChange.ROLLBACK.made(policyStore.current())
                        ? "green is rolled back"
                        : health.greenRefusal();
        ProxyHandler proxy = new ProxyHandler(proxyContext, policyStore, random, config, greenAccess);

        // Control paths. Every change that sends green traffic is vetted by a fresh probe of green first.
        // Every operator decision is in the state file before it is answered.
        Decisions decisions = fleet != null ? fleet : Decisions.savedBy(rollout::saveState);
        OperatorCalls calls = new OperatorCalls(health::vetGreen, rolloutTicker, decisions);
        Map<String, Supplier<Object>> status = new LinkedHashMap<>();
        status.put("rollout", rolloutJson::status);
        status.put("health", health::status);
        status.put("cost", accounting::status);
        status.put("shadow", mirror::status);
        if (fleet != null) {
            status.put("cluster", fleet::status);
        }
        List<Consumer<StringBuilder>> metricsLines = List.of(rolloutJson::metrics, accounting::metrics);
        this.admin = new AdminApi(
                config,
                decisionStore,
                policyStore,
                metrics,
                clock,
                upstreams::environments,
                rollout,
                calls,
                new AdminSections(status, metricsLines));
        List<ControlRoute> routes = new ArrayList<>(admin.routes());
        routes.addAll(
                new RolloutApi(rollout, rolloutJson, decisionStore, upstreams, calls, config.trafficShift()).routes());
        if (fleet != null) {
            routes.add(ControlRoute.adminRoute(HttpMethod.GET, "/admin/cluster/applied", r -> {
                String since = r.request().getParam("since_version");
                long sinceVersion;
                try {
                    sinceVersion = since == null ? 0 : Long.parseLong(since);
                } catch (NumberFormatException e) {
                    r.badRequest("since_version must be a whole number, but was \"" + since + "\"", "since_version");
                    return;
                }
                r.replyJson(200, fleet.applied(sinceVersion));
            }));
        }
        routes.addAll(new HealthApi(health).routes());
        this.requestHandler = new RelayRequestHandler(new ControlRoutes(config.admin(), routes), proxy, metrics);
    }

    private <T> RequestLog<T> jsonl(String prefix, long retentionHours) {
        RequestLogConfig logs = config.requestLog();
        return new RequestLog<>(Path.of(logs.dir()), prefix, retentionHours, logs.queueCapacity(), clock);
    }

    private static UpstreamRoles rolesOf(EnvironmentsConfig envs, boolean swapped) {
        return UpstreamRoles.of(
                envs.blue().name(),
                envs.blue().baseUrl(),
                envs.green().name(),
                envs.green().baseUrl(),
                swapped);
    }

    /** The routing to save: null while it is still the config's (a config edited later then applies). */
    private static PersistedRouting persistedRouting(RoutingPolicy p) {
        return p.fromConfig() ? null : PersistedRouting.of(p);
    }

    private static RoutingPolicy restoredPolicy(PersistedRouting r) {
        LOG.log(
                System.Logger.Level.INFO,
                "restored routing from the state file: green " + r.greenWeight() + "%, " + r.strategy()
                        + " (set by " + r.changedBy() + "); it wins over the config's routing until an operator"
                        + " changes it or the state file is removed");
        return r.toPolicy();
    }

    /**
     * A state file written after {@code promote --swap} of this very config: swap again, so the restart
     * keeps the promoted upstream live. A config edited since wins (editing it is the intended way to make
     * a swap permanent), and the file is then rewritten with the config's roles.
     */
    private void restoreRoles(UpstreamRoles saved) {
        UpstreamRoles configured = rolesOf(upstreams.environments(), false);
        if (saved.restoresSwapOf(configured)) {
            upstreams.swapRoles();
            LOG.log(
                    System.Logger.Level.INFO,
                    "restored swapped roles from the state file: blue is "
                            + saved.blue().name() + ", green is "
                            + saved.green().name());
        } else if (saved.swapped()) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "the state file's swapped roles (blue " + saved.blue().name()
                            + ") do not fit the config as it is now; using the config's");
        }
    }

    /** Starts the rollout's ticks and the periodic health probes. */
    void startTimers() {
        rolloutTicker.start();
        health.start(config.healthCheckIntervalSeconds());
    }

    /** First step of shutdown: no more ticks or probes while requests drain. */
    void stopTimers() {
        rolloutTicker.close();
        health.close();
        if (fleet != null) {
            fleet.close();
        }
    }

    /** After draining: closes the upstream clients and drains the JSONL writers (blocks; never on an event loop). */
    @Override
    public void close() {
        stopTimers();
        upstreams.close();
        accounting.close();
        if (shadowLog != null) {
            shadowLog.close();
        }
        if (eventsLog != null) {
            eventsLog.close();
        }
    }
}
