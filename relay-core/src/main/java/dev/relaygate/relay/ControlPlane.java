package dev.relaygate.relay;

import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.admin.AdminApi;
import dev.relaygate.relay.admin.ControlRoutes;
import dev.relaygate.relay.admin.HealthApi;
import dev.relaygate.relay.admin.RolloutApi;
import dev.relaygate.relay.config.EnvironmentsConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.RequestLogConfig;
import dev.relaygate.relay.config.ShadowConfig;
import dev.relaygate.relay.health.HealthMonitor;
import dev.relaygate.relay.log.CostCalculator;
import dev.relaygate.relay.log.RequestAccounting;
import dev.relaygate.relay.log.RequestLog;
import dev.relaygate.relay.metrics.RelayMetrics;
import dev.relaygate.relay.proxy.ProxyContext;
import dev.relaygate.relay.shadow.ShadowMirror;
import dev.relaygate.relay.rollout.EventTimeline;
import dev.relaygate.relay.rollout.MetricsIntervalSource;
import dev.relaygate.relay.rollout.PersistedState;
import dev.relaygate.relay.rollout.Phase;
import dev.relaygate.relay.rollout.RolloutController;
import dev.relaygate.relay.rollout.RolloutEvent;
import dev.relaygate.relay.rollout.RolloutTicker;
import dev.relaygate.relay.rollout.StateFile;
import dev.relaygate.relay.config.TrafficShiftSettings;
import dev.relaygate.relay.rollout.UpstreamRoles;
import dev.relaygate.relay.routing.PolicyStore;
import dev.relaygate.relay.shadow.AnswerComparator;
import dev.relaygate.relay.shadow.ShadowLog;
import dev.relaygate.relay.shadow.ShadowSummary;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rollout side of one relay, wired together: the rollout controller on its timer thread and its
 * control paths, health checks and key validation, request log and cost accounting, shadow
 * mirroring and the rollout-events JSONL. {@link RelayServer} owns one and delegates to it.
 */
final class ControlPlane implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ControlPlane.class.getName());

    private final ShadowSummary shadowSummary = new ShadowSummary();
    private final RolloutController rollout;
    private final RolloutTicker rolloutTicker;
    private final HealthMonitor health;
    private final RequestAccounting accounting;
    private final RequestLog<ShadowLog> shadowLog;
    private final RequestLog<RolloutEvent> eventsLog;
    private final long healthCheckIntervalSeconds;

    ControlPlane(RelayConfig config, Clock clock, Vertx vertx, PolicyStore policyStore, RelayMetrics metrics,
            ProxyContext proxyContext, ControlRoutes controlRoutes, AdminApi admin) {
        this.healthCheckIntervalSeconds = config.healthCheckIntervalSeconds();
        StateFile stateFile = config.stateFile() == null ? null : new StateFile(Path.of(config.stateFile()));
        // Roles before the controller: restoring a live rollout saves the state file again, with the roles
        // in effect at that moment.
        Optional<PersistedState> saved = stateFile == null ? Optional.empty() : stateFile.load();
        saved.map(PersistedState::roles).ifPresent(roles -> restoreRoles(roles, proxyContext));
        // The controller sets weights through the policy store; restoring a ROLLED_BACK state file sets green 0 here.
        this.rollout = new RolloutController(new MetricsIntervalSource(metrics, shadowSummary),
                (weight, why) -> policyStore.setGreenWeight(weight, "rollout: " + why), clock, new EventTimeline(),
                stateFile, () -> rolesOf(proxyContext.upstreams().environments(), proxyContext.upstreams().rolesSwapped()));
        if (saved.isPresent()) {
            // The file now says how this config's roles were resolved: a config edited back later must win.
            rollout.saveState();
        }
        this.rolloutTicker = new RolloutTicker(rollout, () -> {
            TrafficShiftSettings active = rollout.state().settings();
            return (active != null ? active : config.trafficShift()).evaluationIntervalMs();
        });
        new RolloutApi(rollout, rolloutTicker, policyStore, proxyContext, admin, config.trafficShift(),
                config.stateFile()).registerOn(controlRoutes);
        this.health = new HealthMonitor(vertx, proxyContext, clock, config.upstream().timeoutMs());
        new HealthApi(health).registerOn(controlRoutes, admin);
        RequestLogConfig logConfig = config.requestLog();
        this.accounting = new RequestAccounting(new CostCalculator(config.prices()), logConfig.enabled()
                ? new RequestLog<>(Path.of(logConfig.dir()), "requests", logConfig.retentionHours(),
                        logConfig.queueCapacity(), clock)
                : null, clock);
        if (logConfig.enabled() || !config.prices().isEmpty()) {
            proxyContext.addListener(accounting);
        }
        admin.addStatusSection("cost", accounting::status);
        // The rollout timeline as JSONL too (GET /admin/events serves the in-memory ring).
        this.eventsLog = logConfig.enabled() ? new RequestLog<>(Path.of(logConfig.dir()), "rollout_events",
                logConfig.retentionHours(), logConfig.queueCapacity(), clock) : null;
        if (eventsLog != null) {
            rollout.timeline().addListener(eventsLog::offer);
        }
        ShadowConfig shadowConfig = config.shadow();
        this.shadowLog = logConfig.enabled() ? new RequestLog<>(Path.of(logConfig.dir()), ShadowLog.FILE_PREFIX,
                logConfig.shadowRetentionHours(), logConfig.queueCapacity(), clock) : null;
        ShadowMirror mirror = new ShadowMirror(proxyContext, clock,
                () -> policyStore.current().shadow() || rollout.state().phase() == Phase.SHADOW,
                shadowConfig.sampleRate(), shadowConfig.queueCapacity(),
                new AnswerComparator(shadowConfig.tokenTolerance(),
                        config.trafficShift().validationThreshold().minSimilarity()),
                shadowSummary, shadowLog);
        proxyContext.setMirror(mirror);
        admin.addStatusSection("shadow", () -> {
            ShadowSummary.Snapshot s = shadowSummary.snapshot();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("active", mirror.active());
            out.put("compared", s.compared());
            out.put("matched", s.matched());
            out.put("mismatched", s.mismatched());
            out.put("dissimilar", s.dissimilar());
            out.put("dissimilar_share", s.dissimilarShare());
            out.put("dropped", s.dropped());
            out.put("in_flight", mirror.inFlight());
            return out;
        });
        admin.addMetricsSection(accounting::metrics);
    }

    private static UpstreamRoles rolesOf(EnvironmentsConfig envs, boolean swapped) {
        return UpstreamRoles.of(envs.blue().name(), envs.blue().baseUrl(), envs.green().name(), envs.green().baseUrl(),
                swapped);
    }

    /**
     * A state file written after {@code promote --swap} of this very config: swap again, so the restart
     * keeps the promoted upstream live. A config edited since wins (editing it is the intended way to make
     * a swap permanent), and the file is then rewritten with the config's roles.
     */
    private static void restoreRoles(UpstreamRoles saved, ProxyContext proxy) {
        UpstreamRoles configured = rolesOf(proxy.upstreams().environments(), false);
        if (saved.restoresSwapOf(configured)) {
            proxy.upstreams().swapRoles();
            LOG.log(System.Logger.Level.INFO, "restored swapped roles from the state file: blue is "
                    + saved.blue().name() + ", green is " + saved.green().name());
        } else if (saved.swapped()) {
            LOG.log(System.Logger.Level.INFO, "the state file's swapped roles (blue " + saved.blue().name()
                    + ") do not fit the config as it is now; using the config's");
        }
    }

    void start() {
        rolloutTicker.start();
        health.start(healthCheckIntervalSeconds);
    }

    /** First step of shutdown: no more ticks or probes while requests drain. */
    void stopTimers() {
        rolloutTicker.close();
        health.close();
    }

    RolloutController rollout() {
        return rollout;
    }

    RolloutTicker rolloutTicker() {
        return rolloutTicker;
    }

    HealthMonitor health() {
        return health;
    }

    RequestAccounting accounting() {
        return accounting;
    }

    ShadowSummary shadowSummary() {
        return shadowSummary;
    }

    /** Stops the timers and drains the JSONL writers. */
    @Override
    public void close() {
        stopTimers();
        accounting.close();
        if (shadowLog != null) {
            shadowLog.close();
        }
        if (eventsLog != null) {
            eventsLog.close();
        }
    }
}
