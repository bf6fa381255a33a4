package dev.relaygate.relay.fleet;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import dev.relaygate.relay.config.ClusterConfig;
import dev.relaygate.relay.config.ConfigException;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.TrafficShiftSettings;
import dev.relaygate.relay.judge.IntervalSlice;
import dev.relaygate.relay.judge.Verdict;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
    private static final String RECORD = "record";
    private static final String JUDGE = "judge";
    private static final String FINGERPRINT = "fingerprint";
    private static final int MAX_ATTEMPTS = 20;
    private static final long READ_TIMEOUT_MS = 2000;

    private final ClusterConfig config;
    private final HazelcastInstance hazelcast;
    private final Clock clock;
    private final PolicyStore live;
    private final PolicyStore staging;
    private final RolloutController controller;
    private final Supplier<UpstreamRoles> roles;
    private final Runnable swapRoles;
    private final IntervalSource local;
    private final FleetIntervals intervals;
    private final IMap<String, String> records;
    private final IMap<String, HazelcastJsonValue> members;
    private final AppliedVersions appliedVersions = new AppliedVersions();
    private final Map<String, Map<String, Object>> memberStates = new ConcurrentHashMap<>();
    private final Map<String, Long> memberSince = new ConcurrentHashMap<>();
    private final Object applyLock = new Object();
    private final ScheduledExecutorService timer;
    private final ThreadLocal<Long> committed = ThreadLocal.withInitial(() -> -1L);
    private volatile ClusterRecord applied;
    private StallWatch stallWatch;
    private volatile long heldSince;
    private volatile long lastReadVersion = -1;
    private volatile long lastReadAtMillis;
    private volatile boolean connected = true;
    private volatile boolean leading;
    private volatile Map<String, Object> judgeView = Map.of();
    private volatile List<String> excluded = List.of();
    private final List<UUID> listeners = new java.util.ArrayList<>();

    /**
     * @param live      the store requests route by
     * @param staging   the store decisions are computed in (the admin API's and the controller's)
     * @param local     this member's own interval outcomes (the relay's metrics)
     * @param intervals the fleet's reports; the controller's interval source on the leader
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
            FleetIntervals intervals) {
        this.config = config;
        this.hazelcast = hazelcast;
        this.clock = clock;
        this.live = live;
        this.staging = staging;
        this.controller = controller;
        this.roles = roles;
        this.swapRoles = swapRoles;
        this.local = local;
        this.intervals = intervals;
        this.records = hazelcast.getMap(HazelcastSetup.FLEET_MAP);
        this.members = hazelcast.getMap(HazelcastSetup.MEMBERS_MAP);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "relaygate-fleet");
            t.setDaemon(true);
            return t;
        });
        controller.holdAdvancesWhile(this::advanceHold);
    }

    /** The reports map the leader's judge reads; built before the controller, whose interval source it is. */
    public static FleetIntervals intervals(HazelcastInstance hazelcast, ClusterConfig config, Clock clock) {
        return new FleetIntervals(hazelcast, hazelcast.getMap(HazelcastSetup.INTERVALS_MAP), config.memberId(), clock);
    }

    /**
     * Joins the fleet's state: refuses a config that differs from the fleet's, then takes the cluster's record
     * over this member's own state (or seeds the record from it when this is the first member), applies it and
     * starts following changes.
     *
     * @throws ConfigException naming the fields that differ from the fleet's
     */
    public void start(RelayConfig relayConfig) {
        checkFingerprint(relayConfig);
        String json = records.get(RECORD);
        if (json == null) {
            ClusterRecord seed = fromLocal(null, 1);
            String previous = records.putIfAbsent(RECORD, RecordJson.write(seed));
            json = previous != null ? previous : RecordJson.write(seed);
            LOG.log(
                    System.Logger.Level.INFO,
                    previous != null
                            ? "fleet: took the cluster record another member seeded"
                            : "fleet: seeded the cluster record from this member's state (v1)");
        } else {
            LOG.log(System.Logger.Level.INFO, "fleet: took the cluster's record over this member's state file");
        }
        ClusterRecord record = RecordJson.read(json, ClusterRecord.class);
        synchronized (applyLock) {
            applyLocked(record, "joined the fleet");
        }
        lastReadVersion = record.version();
        lastReadAtMillis = clock.currentTimeMillis();
        listeners.add(records.addEntryListener(new RecordListener(), true));
        listeners.add(members.addEntryListener(new MemberStateListener(), true));
        members.entrySet().forEach(e -> memberStates.put(e.getKey(), view(e.getValue())));
        hazelcast.getCluster().addMembershipListener(new Membership());
        hazelcast.getCluster().getMembers().forEach(m -> memberSince.putIfAbsent(idOf(m), clock.currentTimeMillis()));
        hazelcast.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.MERGED) {
                LOG.log(System.Logger.Level.WARNING, "fleet: this member merged back into the fleet; re-reading");
                reconcileSoon(true);
            }
        });
        timer.scheduleWithFixedDelay(
                this::reconcile, config.reconcileIntervalMs(), config.reconcileIntervalMs(), TimeUnit.MILLISECONDS);
        stallWatch = new StallWatch(config.failureDetectionSeconds() * 1000L, this::afterStall);
        // Load the client's classes now: after a stall, on a busy machine, a cold client took seconds.
        List<String> others = otherMembers();
        if (!others.isEmpty()) {
            timer.execute(() -> PeerRead.warmUp(config.name(), others));
        }
    }

    private List<String> otherMembers() {
        return config.members().stream()
                .filter(m -> !m.equals(config.host() + ":" + config.port()))
                .toList();
    }

    /**
     * This member stood still longer than failure detection: the others removed it and may have decided without
     * it (a rollback, most likely). Its own Hazelcast rejoins through a split-brain merge, which takes seconds;
     * meanwhile it reads the record straight from the other members, as a Hazelcast client, and applies it.
     */
    private void afterStall(long stalledMs) {
        List<String> others = otherMembers();
        LOG.log(
                System.Logger.Level.WARNING,
                "fleet: this member stood still for " + stalledMs + " ms (failure detection is "
                        + config.failureDetectionSeconds() + " s); reading the cluster record from " + others);
        if (others.isEmpty()) {
            return;
        }
        synchronized (applyLock) {
            // Until the fleet's answer is in, no new request goes to green: the fleet may have rolled back meanwhile.
            heldSince = clock.currentTimeMillis();
            live.update(p -> p.withGreenWeight(0, "held after standing still " + stalledMs + " ms"));
        }
        // Here, on the watch's own thread: a periodic re-read stuck across the stall must not delay it.
        String json = PeerRead.record(config.name(), others, HazelcastSetup.FLEET_MAP, RECORD);
        synchronized (applyLock) {
            if (json != null) {
                ClusterRecord fleetRecord = RecordJson.read(json, ClusterRecord.class);
                applyLocked(
                        applied == null ? fleetRecord : ClusterRecord.survivor(applied, fleetRecord),
                        "read from the other members after a stall",
                        true);
            } else if (applied != null) {
                // Cut off, not merely paused: fail static on the last applied record.
                applyLocked(applied, "the other members are out of reach: last applied record", true);
            }
            heldSince = 0;
        }
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
            intervals.resetHeard(currentMemberIds());
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
            excluded = List.of();
            return;
        }
        excluded = intervals.silent(currentMemberIds(), memberSince);
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
            synchronized (applyLock) {
                String currentJson = readRecord();
                ClusterRecord read = RecordJson.read(currentJson, ClusterRecord.class);
                // A member cut off from the fleet reads its own stale copy: never step back to it, build on what
                // this member already applied (the merge that heals the split keeps the right one).
                ClusterRecord current = applied == null ? read : ClusterRecord.survivor(applied, read);
                applyLocked(current, "re-read before a decision");
                T result;
                try {
                    result = change.call();
                } catch (Exception | Error e) {
                    applyLocked(current, null, true); // undo whatever the change staged
                    throw e;
                }
                ClusterRecord next = fromLocal(current, current.version() + 1);
                if (next.sameContent(current)) {
                    committed.set(current.version());
                    return result;
                }
                if (!hasQuorum() && !next.allOnBlue()) {
                    applyLocked(current, null, true);
                    throw new SharedStateUnavailableException(
                            "this member sees " + memberCount() + " of "
                                    + config.members().size()
                                    + " fleet members (a majority is " + config.quorum()
                                    + "): it may roll back on its own, but makes no other change until it rejoins",
                            null);
                }
                if (compareAndSet(currentJson, next)) {
                    applyLocked(next, "committed here");
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
        Set<Member> all = hazelcast.getCluster().getMembers();
        return !all.isEmpty() && all.iterator().next().localMember();
    }

    public String memberId() {
        return config.memberId();
    }

    /** The {@code cluster} section of {@code GET /admin/status}. Reads only this member's memory. */
    public Map<String, Object> status() {
        ClusterRecord record = applied;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("member_id", config.memberId());
        out.put("name", config.name());
        out.put("leader", leaderId());
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
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        String leader = leaderId();
        Map<String, Long> heard = intervals.lastHeard();
        long now = clock.currentTimeMillis();
        for (Member m : hazelcast.getCluster().getMembers()) {
            String id = idOf(m);
            Map<String, Object> state = memberStates.getOrDefault(id, Map.of());
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("id", id);
            member.put(
                    "address", m.getAddress().getHost() + ":" + m.getAddress().getPort());
            member.put("leader", id.equals(leader));
            Object version = state.get("applied_version");
            member.put("applied_version", version);
            member.put("lag_versions", version instanceof Number n ? Math.max(0, newest - n.longValue()) : null);
            member.put("applied_at_ms", state.get("applied_at_ms"));
            if (isLeader()) {
                Long last = heard.get(id);
                member.put("reporting", !excluded.contains(id));
                member.put("last_report_age_ms", last == null ? null : now - last);
            } else {
                Object ex = judgeView.get("excluded");
                member.put("reporting", !(ex instanceof List<?> l && l.contains(id)));
            }
            list.add(member);
        }
        out.put("members", list);
        out.put("excluded", isLeader() ? excluded : judgeView.getOrDefault("excluded", List.of()));
        return out;
    }

    /** {@code GET /admin/cluster/applied}: the versions this member applied since {@code sinceVersion}. */
    public Map<String, Object> applied(long sinceVersion) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("member_id", config.memberId());
        out.put(
                "applied",
                appliedVersions.since(sinceVersion).stream()
                        .map(a -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("version", a.version());
                            m.put("applied_at_ms", a.appliedAtMillis());
                            m.put("green_weight", a.greenWeight());
                            m.put("phase", a.phase());
                            m.put("changed_by", a.changedBy());
                            return m;
                        })
                        .toList());
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
            String json = records.getAsync(RECORD).toCompletableFuture().get(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (applied != null && applied.rollout().phase().isLive() && !isLeader()) {
                // The leader's view only changes while a rollout is judged; events carry it, this heals a miss.
                String judge =
                        records.getAsync(JUDGE).toCompletableFuture().get(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                if (judge != null) {
                    adoptJudgeView(judge);
                }
            }
            lastReadAtMillis = clock.currentTimeMillis();
            if (json != null) {
                ClusterRecord record = RecordJson.read(json, ClusterRecord.class);
                lastReadVersion = record.version();
                synchronized (applyLock) {
                    // Only forward: an event may have applied a newer version while this read was under way, and a
                    // member cut off from the fleet reads its own stale copy until the merge.
                    if (supersedes(record)) {
                        applyLocked(record, healed ? "the fleet healed" : "periodic re-read");
                    }
                }
            }
            setConnected(
                    hasQuorum(),
                    hasQuorum()
                            ? null
                            : "sees " + memberCount() + " of "
                                    + config.members().size());
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
                                + (applied == null ? 0 : applied.version()) + " (fail static)");
            }
        }
    }

    private String readRecord() {
        try {
            String json = records.getAsync(RECORD).toCompletableFuture().get(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            if (json == null) {
                throw new SharedStateUnavailableException("the fleet has no cluster record (was it reset?)", null);
            }
            return json;
        } catch (ExecutionException | TimeoutException e) {
            throw new SharedStateUnavailableException(
                    "the cluster record could not be read: " + e + "; this member keeps its last applied record", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SharedStateUnavailableException("interrupted", e);
        }
    }

    private boolean compareAndSet(String expectedJson, ClusterRecord next) {
        try {
            return records.replace(RECORD, expectedJson, RecordJson.write(next));
        } catch (RuntimeException e) {
            throw new SharedStateUnavailableException(
                    "the change could not be committed to the cluster record: " + e + "; nothing was changed", e);
        }
    }

    /**
     * Whether {@code record} replaces the one this member applied: by the rule the fleet's merge uses (a rollback
     * wins, then the higher version), so no path (a late event, a merge, a cut-off member's own stale copy) ever
     * steps a member back.
     */
    private boolean supersedes(ClusterRecord record) {
        ClusterRecord current = applied;
        return current == null || (!record.equals(current) && ClusterRecord.survivor(current, record) == record);
    }

    private void applyLocked(ClusterRecord record, String why) {
        applyLocked(record, why, false);
    }

    /**
     * Makes {@code record} what this member runs: routing into both stores, roles, rollout state. {@code force}
     * re-applies it even when it is the record already applied (to undo a change staged on top of it).
     */
    private void applyLocked(ClusterRecord record, String why, boolean force) {
        ClusterRecord previous = applied;
        if (!force && record.equals(previous)) {
            return;
        }
        RoutingPolicy target = record.routing().toPolicy();
        live.update(p -> p.sameRouting(target) && p.changedBy().equals(target.changedBy()) ? p : target);
        if (staging != live) {
            staging.update(p -> p.sameRouting(target) && p.changedBy().equals(target.changedBy()) ? p : target);
        }
        UpstreamRoles current = roles.get();
        if (!current.blue().equals(record.roles().blue())
                && current.blue().equals(record.roles().green())) {
            swapRoles.run();
        }
        controller.adopt(
                record.rollout(),
                "cluster record v" + record.version() + " by " + record.changedBy()
                        + (why == null ? "" : " (" + why + ")"));
        if (record.equals(previous)) {
            return;
        }
        applied = record;
        long now = clock.currentTimeMillis();
        appliedVersions.add(new AppliedVersions.Applied(
                record.version(),
                now,
                record.routing().greenWeight(),
                record.rollout().phase().name(),
                record.changedBy()));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("applied_version", record.version());
        state.put("applied_at_ms", now);
        memberStates.put(config.memberId(), state);
        try {
            members.setAsync(config.memberId(), new HazelcastJsonValue(RecordJson.write(state)));
        } catch (RuntimeException e) {
            // status of the others only; the record itself is applied
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

    private void checkFingerprint(RelayConfig relayConfig) {
        Map<String, String> mine = ConfigFingerprint.of(relayConfig);
        String existing = records.putIfAbsent(FINGERPRINT, RecordJson.write(mine));
        if (existing == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> fleet = RecordJson.read(existing, Map.class);
        List<String> differ = ConfigFingerprint.differences(mine, fleet);
        if (!differ.isEmpty()) {
            throw new ConfigException(
                    "cluster",
                    "this member's config differs from the fleet's in " + String.join(", ", differ)
                            + ": every member of a fleet runs one rollout over the same upstreams with the same"
                            + " defaults (keys are not compared); make the configs agree, or use another"
                            + " cluster.name");
        }
    }

    private String advanceHold() {
        if (!hasQuorum()) {
            return "this member sees " + memberCount() + " of "
                    + config.members().size() + " fleet members (a majority is " + config.quorum() + ")";
        }
        List<String> silent = excluded;
        return silent.isEmpty() ? null : "members not reporting (left out of the window): " + String.join(", ", silent);
    }

    private void publishJudgeView() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("leader", config.memberId());
        view.put("at_ms", clock.currentTimeMillis());
        view.put("excluded", excluded);
        controller.lastVerdict().ifPresent(v -> view.put("last_verdict", v));
        judgeView = view;
        try {
            records.setAsync(JUDGE, RecordJson.write(view));
        } catch (RuntimeException e) {
            // followers show an older view; the leader's own status is current
        }
    }

    private void adoptJudgeView(String json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> view = RecordJson.read(json, Map.class);
        judgeView = view;
        Object verdict = view.get("last_verdict");
        if (verdict != null) {
            controller.adoptVerdict(RecordJson.MAPPER.convertValue(verdict, Verdict.class));
        }
    }

    private boolean hasQuorum() {
        return memberCount() >= config.quorum();
    }

    private int memberCount() {
        return hazelcast.getCluster().getMembers().size();
    }

    private String leaderId() {
        Set<Member> all = hazelcast.getCluster().getMembers();
        return all.isEmpty() ? null : idOf(all.iterator().next());
    }

    private Set<String> currentMemberIds() {
        return hazelcast.getCluster().getMembers().stream().map(Fleet::idOf).collect(Collectors.toSet());
    }

    static String idOf(Member m) {
        String id = m.getAttribute(HazelcastSetup.MEMBER_ID_ATTRIBUTE);
        return id != null ? id : m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(HazelcastJsonValue value) {
        return value == null ? Map.of() : RecordJson.read(value.getValue(), Map.class);
    }

    @Override
    public void close() {
        if (stallWatch != null) {
            stallWatch.close();
        }
        timer.shutdownNow();
    }

    /** Applies a record another member committed, as soon as the change event arrives. */
    private final class RecordListener
            implements EntryAddedListener<String, String>,
                    EntryUpdatedListener<String, String>,
                    EntryMergedListener<String, String> {

        @Override
        public void entryAdded(EntryEvent<String, String> event) {
            onRecord(event, false);
        }

        @Override
        public void entryUpdated(EntryEvent<String, String> event) {
            onRecord(event, false);
        }

        @Override
        public void entryMerged(EntryEvent<String, String> event) {
            onRecord(event, true);
        }

        private void onRecord(EntryEvent<String, String> event, boolean merged) {
            if (event.getValue() == null) {
                return;
            }
            if (JUDGE.equals(event.getKey())) {
                if (!isLeader()) {
                    adoptJudgeView(event.getValue());
                }
                return;
            }
            if (!RECORD.equals(event.getKey())) {
                return;
            }
            ClusterRecord record = RecordJson.read(event.getValue(), ClusterRecord.class);
            lastReadVersion = Math.max(lastReadVersion, record.version());
            synchronized (applyLock) {
                if (supersedes(record)) {
                    applyLocked(record, merged ? "the fleet healed" : "change event");
                }
            }
        }
    }

    /** Keeps the other members' applied versions for status. */
    private final class MemberStateListener
            implements EntryAddedListener<String, HazelcastJsonValue>,
                    EntryUpdatedListener<String, HazelcastJsonValue> {

        @Override
        public void entryAdded(EntryEvent<String, HazelcastJsonValue> event) {
            memberStates.put(event.getKey(), view(event.getValue()));
        }

        @Override
        public void entryUpdated(EntryEvent<String, HazelcastJsonValue> event) {
            memberStates.put(event.getKey(), view(event.getValue()));
        }
    }

    /** Logs who joined and left, and re-reads the record when the membership changes. */
    private final class Membership implements MembershipListener {

        @Override
        public void memberAdded(MembershipEvent event) {
            memberSince.put(idOf(event.getMember()), clock.currentTimeMillis());
            LOG.log(System.Logger.Level.INFO, "fleet: member joined: " + idOf(event.getMember()));
            reconcileSoon();
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
            String id = idOf(event.getMember());
            memberSince.remove(id);
            LOG.log(
                    System.Logger.Level.WARNING,
                    "fleet: member left: " + id + " (" + memberCount() + " of "
                            + config.members().size() + " in sight; leader " + leaderId() + ")");
            reconcileSoon();
        }
    }
}
