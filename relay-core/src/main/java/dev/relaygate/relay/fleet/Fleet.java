package dev.relaygate.relay.fleet;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import dev.relaygate.relay.config.ClusterConfig;
import dev.relaygate.relay.config.ConfigException;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.TrafficShiftSettings;
import dev.relaygate.relay.judge.IntervalSlice;
import dev.relaygate.relay.rollout.ControllerMode;
import dev.relaygate.relay.rollout.Decisions;
import dev.relaygate.relay.rollout.IntervalSource;
import dev.relaygate.relay.rollout.PersistedRouting;
import dev.relaygate.relay.rollout.RolloutController;
import dev.relaygate.relay.rollout.RolloutState;
import dev.relaygate.relay.rollout.SharedStateUnavailableException;
import dev.relaygate.relay.rollout.UpstreamRoles;
import dev.relaygate.relay.routing.PolicyStore;
import dev.relaygate.relay.routing.RoutingPolicy;
import dev.relaygate.relay.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * This relay as a member of a fleet. It keeps the member's router on the cluster record: every committed
 * version is applied to the local policy store (the hot path reads only that), on the change event and on a
 * periodic re-read that heals a missed event. Decisions made here (operator calls, and the controller's ticks
 * when this member leads) are compare-and-set commits on the record's version; the leader is the oldest
 * member, which judges the window every member reports.
 *
 * <p>Two policy stores: {@code live} is what requests route by and changes only to committed records;
 * {@code staging} is where a decision is computed (the admin API and the controller write it) before it is
 * committed. A decision that loses the race to another member's commit is recomputed on the winner.
 */
public final class Fleet implements Decisions, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Fleet.class.getName());
    private static final int MAX_ATTEMPTS = 20;

    private final ClusterConfig config;
    private final HazelcastInstance hazelcast;
    private final Clock clock;
    private final PolicyStore staging;
    private final RolloutController controller;
    private final Supplier<UpstreamRoles> roles;
    private final IntervalSource local;
    private final FleetIntervals intervals;
    private final FleetMap records;
    private final FleetMembers members;
    private final FleetAdvanceHold hold;
    private final RecordApplier applier;
    private final StallRecovery stallRecovery;
    private final ScheduledExecutorService timer;
    private final ThreadLocal<Long> committed = ThreadLocal.withInitial(() -> -1L);
    private volatile long lastReadVersion = -1;
    private volatile long lastReadAtMillis;
    private volatile boolean connected = true;
    private volatile boolean leading;
    private final JudgeView judgeView = new JudgeView();

    /**
     * @param live      the store requests route by
     * @param staging   the store decisions are computed in (the admin API's and the controller's)
     * @param local     this member's own interval outcomes (the relay's metrics)
     * @param seams     the fleet's reports and advance hold, which the controller was built on
     */
    public Fleet(
            ClusterConfig config,
            HazelcastInstance hazelcast,
            Clock clock,
            PolicyStore live,
            PolicyStore staging,
            RolloutController controller,
            Supplier<UpstreamRoles> roles,
            Runnable swapRoles,
            IntervalSource local,
            Seams seams) {
        this.config = config;
        this.hazelcast = hazelcast;
        this.clock = clock;
        this.staging = staging;
        this.controller = controller;
        this.roles = roles;
        this.local = local;
        this.intervals = seams.intervals;
        this.records = new FleetMap(hazelcast);
        this.members = seams.members;
        this.hold = seams.hold;
        this.applier = new RecordApplier(clock, live, staging, controller, roles, swapRoles, members);
        this.stallRecovery = new StallRecovery(config, applier, clock);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "relaygate-fleet");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The parts of the fleet the rollout controller is built on, made before it: the reports the leader's judge
     * reads (the controller's interval source) and the hold on advancing (its {@link ControllerMode}).
     */
    public static final class Seams {
        private final FleetIntervals intervals;
        private final FleetMembers members;
        private final FleetAdvanceHold hold;

        private Seams(FleetIntervals intervals, FleetMembers members, FleetAdvanceHold hold) {
            this.intervals = intervals;
            this.members = members;
            this.hold = hold;
        }

        public FleetIntervals intervals() {
            return intervals;
        }

        /** A fleet leader's mode: the controller writes no state file by itself and advances only while the hold allows. */
        public ControllerMode controllerMode() {
            return ControllerMode.inFleet(hold);
        }
    }

    public static Seams seams(HazelcastInstance hazelcast, ClusterConfig config, Clock clock) {
        FleetMembers members = new FleetMembers(hazelcast, config, clock);
        return new Seams(
                new FleetIntervals(hazelcast, hazelcast.getMap(HazelcastSetup.INTERVALS_MAP), config.memberId(), clock),
                members,
                new FleetAdvanceHold(members, config));
    }

    /**
     * Joins the fleet's state: refuses a config that differs from the fleet's, then takes the cluster's record
     * over this member's own state (or seeds the record from it when this is the first member), applies it and
     * starts following changes.
     *
     * @throws ConfigException naming the fields that differ from the fleet's
     */
    public void start(RelayConfig relayConfig) {
        records.requireSameFingerprint(relayConfig);
        ClusterRecord seed = fromLocal(null, 1);
        RecordJson.warmUp(seed, clock.currentTimeMillis());
        ClusterRecord record = records.recordOrSeed(seed);
        LOG.log(
                System.Logger.Level.INFO,
                record.equals(seed)
                        ? "fleet: seeded the cluster record from this member's state (v1)"
                        : "fleet: took the cluster's record (v" + record.version() + ") over this member's state file");
        synchronized (applier.lock()) {
            applier.apply(record, "joined the fleet", false);
        }
        lastReadVersion = record.version();
        lastReadAtMillis = clock.currentTimeMillis();
        records.listen(new FleetMapEvents(this::onRecordEvent, this::onJudgeEvent));
        members.start(this::reconcileSoon);
        hazelcast.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.MERGED) {
                LOG.log(System.Logger.Level.WARNING, "fleet: this member merged back into the fleet; re-reading");
                reconcileSoon(true);
            }
        });
        timer.scheduleWithFixedDelay(
                this::reconcile, config.reconcileIntervalMs(), config.reconcileIntervalMs(), TimeUnit.MILLISECONDS);
        stallRecovery.start();
        timer.execute(stallRecovery::warmUp);
    }

    /**
     * One tick of the rollout thread: send this member's interval to the leader; when this member leads, judge
     * the fleet's window and commit what the controller decides.
     */
    public void tick(TrafficShiftSettings defaults) {
        RolloutState state = controller.state();
        TrafficShiftSettings settings = state.settings() != null ? state.settings() : defaults;
        long period = settings.evaluationIntervalMs();
        // Taken every tick, judged or not: a rollout that starts later begins from a fresh interval.
        IntervalSlice mine = local.take(settings.validationThreshold().count429AsError());
        boolean live = state.phase().isLive();
        if (live) {
            try {
                intervals.report(mine, period, settings.windowMillis() + 10 * period + 60_000);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "fleet: this member's interval could not be reported: " + e);
            }
        }
        boolean leader = isLeader();
        boolean newlyLeading = leader && !leading;
        leading = leader;
        if (!leader) {
            return;
        }
        if (newlyLeading) {
            intervals.resetHeard(members.ids());
            List<IntervalSlice> window = live
                    ? intervals.window(Math.max(clock.currentTimeMillis() - settings.windowMillis(), 0))
                    : List.of();
            controller.rebuildWindow(window);
            LOG.log(
                    System.Logger.Level.INFO,
                    "fleet: " + config.memberId() + " leads the rollout now (continuing from " + state.phase()
                            + " step " + state.step() + ", " + window.size() + " reported intervals in the window)");
        }
        if (!live) {
            // Nothing to judge: no cluster call, so an idle fleet costs next to nothing.
            hold.exclude(List.of());
            return;
        }
        hold.exclude(intervals.silent(members.ids(), members.since()));
        try {
            decide(() -> {
                controller.tick();
                return null;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the leader's tick failed: " + e, e);
        } finally {
            publishJudgeView();
        }
    }

    @Override
    public <T> T decide(Callable<T> change) throws Exception {
        committed.set(-1L);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            synchronized (applier.lock()) {
                String currentJson = records.record();
                ClusterRecord read = RecordJson.read(currentJson, ClusterRecord.class);
                // A member cut off from the fleet reads its own stale copy: never step back to it, build on what
                // this member already applied (the merge that heals the split keeps the right one).
                ClusterRecord applied = applier.applied();
                ClusterRecord current = applied == null ? read : ClusterRecord.survivor(applied, read);
                applier.apply(current, "re-read before a decision", false);
                T result;
                try {
                    result = change.call();
                } catch (Exception | Error e) {
                    applier.apply(current, null, true); // undo whatever the change staged
                    throw e;
                }
                ClusterRecord next = fromLocal(current, current.version() + 1);
                if (next.sameContent(current)) {
                    committed.set(current.version());
                    return result;
                }
                if (!members.hasQuorum() && !next.allOnBlue()) {
                    applier.apply(current, null, true);
                    throw new SharedStateUnavailableException(
                            "this member sees " + members.count() + " of "
                                    + config.fleetSizeText()
                                    + " fleet members (a majority is " + config.quorum()
                                    + "): it may roll back on its own, but makes no other change until it rejoins",
                            null);
                }
                if (records.compareAndSet(currentJson, next)) {
                    applier.apply(next, "committed here", false);
                    committed.set(next.version());
                    return result;
                }
            }
            // another member committed first: recompute on its record
        }
        throw new SharedStateUnavailableException(
                "the cluster record kept changing under this decision (" + MAX_ATTEMPTS + " attempts); nothing was"
                        + " changed",
                null);
    }

    @Override
    public long lastCommittedVersion() {
        return committed.get();
    }

    /** Whether this member runs the controller's ticks: the oldest member of the cluster it sees. */
    public boolean isLeader() {
        return members.isLeader();
    }

    public String memberId() {
        return config.memberId();
    }

    /** The {@code cluster} section of {@code GET /admin/status}. Reads only this member's memory. */
    public Map<String, Object> status() {
        ClusterRecord record = applier.applied();
        long heldSince = stallRecovery.heldSince();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("member_id", config.memberId());
        out.put("name", config.name());
        out.put("leader", members.leaderId());
        out.put("is_leader", isLeader());
        out.put("connected", connected);
        if (!connected) {
            out.put(
                    "fail_static",
                    "cluster unreachable: serving the last applied record (v" + (record == null ? 0 : record.version())
                            + ")");
        }
        if (heldSince > 0) {
            out.put(
                    "held",
                    "stood still longer than failure detection: green held at 0 since " + heldSince
                            + " until the record is read from the other members");
        }
        out.put("quorum", config.quorum());
        out.put("record_version", Math.max(lastReadVersion, record == null ? -1 : record.version()));
        out.put("applied_version", record == null ? -1 : record.version());
        out.put("last_read_age_ms", clock.currentTimeMillis() - lastReadAtMillis);
        long newest = Math.max(lastReadVersion, record == null ? -1 : record.version());
        boolean leader = isLeader();
        Map<String, Long> heard = intervals.lastHeard();
        long now = clock.currentTimeMillis();
        List<?> excludedNow = leader ? hold.excluded() : judgeView.excluded();
        List<Map<String, Object>> list = members.rows(newest, id -> {
            Map<String, Object> reporting = new LinkedHashMap<>();
            reporting.put("reporting", !excludedNow.contains(id));
            if (leader) {
                Long last = heard.get(id);
                reporting.put("last_report_age_ms", last == null ? null : now - last);
            }
            return reporting;
        });
        out.put("members", list);
        out.put("excluded", excludedNow);
        return out;
    }

    /** {@code GET /admin/cluster/applied}: the versions this member applied since {@code sinceVersion}. */
    public Map<String, Object> applied(long sinceVersion) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("member_id", config.memberId());
        out.put("applied", applier.appliedSince(sinceVersion));
        return out;
    }

    /** Re-reads the record (and the leader's judge view); applies it when it is newer than what this member runs. */
    void reconcile() {
        reconcile(false);
    }

    /**
     * @param healed the fleet just merged back (a split healed): the record read is the survivor of the merge and
     *               applies even with a lower version than this member's
     */
    private void reconcile(boolean healed) {
        try {
            String json = records.get(FleetMap.RECORD);
            ClusterRecord applied = applier.applied();
            if (applied != null && applied.rollout().phase().isLive() && !isLeader()) {
                // The leader's view only changes while a rollout is judged; events carry it, this heals a miss.
                String judge = records.get(FleetMap.JUDGE);
                if (judge != null) {
                    adoptJudgeView(judge);
                }
            }
            lastReadAtMillis = clock.currentTimeMillis();
            if (json != null) {
                ClusterRecord record = RecordJson.read(json, ClusterRecord.class);
                lastReadVersion = record.version();
                synchronized (applier.lock()) {
                    // Only forward: an event may have applied a newer version while this read was under way, and a
                    // member cut off from the fleet reads its own stale copy until the merge.
                    applier.applyIfNewer(record, healed ? "the fleet healed" : "periodic re-read");
                }
            }
            setConnected(
                    members.hasQuorum(),
                    members.hasQuorum() ? null : "sees " + members.count() + " of " + config.fleetSizeText());
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            setConnected(false, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A re-read now, off Hazelcast's event thread; none once closed. */
    private void reconcileSoon() {
        reconcileSoon(false);
    }

    private void reconcileSoon(boolean healed) {
        try {
            timer.execute(() -> reconcile(healed));
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void setConnected(boolean now, String why) {
        if (now != connected) {
            connected = now;
            if (now) {
                LOG.log(System.Logger.Level.INFO, "fleet: cluster reachable again; following the cluster record");
            } else {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "fleet: cluster unreachable (" + why + "); serving the last applied record v"
                                + (applier.applied() == null
                                        ? 0
                                        : applier.applied().version())
                                + " (fail static)");
            }
        }
    }

    private ClusterRecord fromLocal(ClusterRecord current, long version) {
        RoutingPolicy p = staging.current();
        PersistedRouting routing = current != null
                        && current.routing().greenWeight() == p.greenWeight()
                        && current.routing().strategy().equals(p.strategy().wireName())
                        && current.routing().shadow() == p.shadow()
                        && current.routing().changedBy().equals(p.changedBy())
                ? current.routing()
                : PersistedRouting.of(p);
        RolloutState rollout = controller.state();
        return new ClusterRecord(
                version,
                ClusterRecord.rollbacksAfter(current, rollout),
                rollout,
                routing,
                roles.get(),
                config.memberId(),
                clock.currentTimeMillis());
    }

    private void publishJudgeView() {
        records.publishJudgeView(judgeView.make(
                config.memberId(), clock.currentTimeMillis(), hold.excluded(), controller.lastVerdict()));
    }

    private void adoptJudgeView(String json) {
        judgeView.adopt(json).ifPresent(controller::adoptVerdict);
    }

    @Override
    public void close() {
        stallRecovery.close();
        timer.shutdownNow();
    }

    /** A record another member committed, as soon as its change event arrives (or the fleet healed). */
    private void onRecordEvent(ClusterRecord record, boolean merged) {
        lastReadVersion = Math.max(lastReadVersion, record.version());
        synchronized (applier.lock()) {
            applier.applyIfNewer(record, merged ? "the fleet healed" : "change event");
        }
    }

    private void onJudgeEvent(String json) {
        if (!isLeader()) {
            adoptJudgeView(json);
        }
    }
}
