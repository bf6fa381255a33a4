package dev.relaygate.relay.fleet;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import dev.relaygate.relay.judge.IntervalSlice;
import dev.relaygate.relay.rollout.IntervalSource;
import dev.relaygate.relay.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The fleet's judge input. While a rollout is live every member puts its interval outcomes into a shared map
 * each evaluation interval, under {@code member#n} where n counts evaluation intervals since the epoch (kept for
 * longer than a window, so a new leader finds the window there); the leader fetches the keys it expects from
 * every member it has seen, in one batched read, and judges those it has not judged yet, merged into one slice.
 * It also keeps when it last heard from each member: a member silent for two intervals is excluded by name, never
 * counted as healthy.
 *
 * <p>{@link #take} and {@link #window} run on the rollout thread only; {@link #lastHeard} is read by status.
 */
public final class FleetIntervals implements IntervalSource {

    /** How many intervals back the leader still looks for a late report. */
    private static final int LOOK_BACK_INTERVALS = 5;

    private final IMap<String, HazelcastJsonValue> reports;
    private final String memberId;
    private final Clock clock;
    private final Set<String> members = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> judged = new HashMap<>();
    private final Map<String, Long> lastHeard = new ConcurrentHashMap<>();
    private volatile long periodMs = 1000;
    private long lastEnd;

    FleetIntervals(
            HazelcastInstance hazelcast, IMap<String, HazelcastJsonValue> reports, String memberId, Clock clock) {
        this.reports = reports;
        this.memberId = memberId;
        this.clock = clock;
        // Every member ever seen, so a new leader still finds the reports of the one that died.
        hazelcast.getCluster().getMembers().forEach(m -> members.add(FleetMembers.idOf(m)));
        hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                members.add(FleetMembers.idOf(event.getMember()));
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                // kept: its reports stay in the window until they expire
            }
        });
        members.add(memberId);
    }

    /** Sends this member's interval; it stays for {@code keepMs} (at least a judge's window). */
    void report(IntervalSlice local, long periodMs, long keepMs) {
        this.periodMs = periodMs;
        IntervalReport report = IntervalReport.of(memberId, local);
        reports.set(
                key(memberId, local.endMillis() / periodMs),
                new HazelcastJsonValue(RecordJson.write(report)),
                keepMs,
                TimeUnit.MILLISECONDS);
    }

    /** The reports not judged yet, as one slice (an empty one spanning the gap when no member reported). */
    @Override
    public IntervalSlice take(boolean count429AsError) {
        long now = clock.currentTimeMillis();
        List<IntervalReport> fresh = unjudged(now - LOOK_BACK_INTERVALS * periodMs, now);
        long start = lastEnd == 0 ? now - periodMs : lastEnd;
        IntervalSlice merged = IntervalReport.merged(fresh, start, now);
        lastEnd = Math.max(lastEnd, merged.endMillis());
        return merged;
    }

    /**
     * Every report since {@code sinceMillis}, merged per evaluation interval, oldest first: the window a member
     * that just became leader continues from. Marks them judged.
     */
    List<IntervalSlice> window(long sinceMillis) {
        judged.clear();
        TreeMap<Long, List<IntervalReport>> byInterval = new TreeMap<>();
        for (IntervalReport r : unjudged(sinceMillis, clock.currentTimeMillis())) {
            byInterval
                    .computeIfAbsent(r.endMillis() / Math.max(1, periodMs), k -> new ArrayList<>())
                    .add(r);
        }
        List<IntervalSlice> slices = new ArrayList<>();
        byInterval.values().forEach(rs -> slices.add(IntervalReport.merged(rs, 0, 0)));
        slices.sort(Comparator.comparingLong(IntervalSlice::startMillis));
        lastEnd = slices.isEmpty()
                ? clock.currentTimeMillis()
                : slices.get(slices.size() - 1).endMillis();
        return slices;
    }

    /** When the leader last received a report from each member (its own clock), by member id. */
    Map<String, Long> lastHeard() {
        return Map.copyOf(lastHeard);
    }

    /** The members among {@code current} not heard from for two intervals (none are excluded before that). */
    List<String> silent(Set<String> current, Map<String, Long> memberSince) {
        long now = clock.currentTimeMillis();
        long allowance = 2 * periodMs + periodMs / 2;
        return current.stream()
                .filter(m -> now - memberSince.getOrDefault(m, now) > allowance)
                .filter(m -> now - lastHeard.getOrDefault(m, 0L) > allowance)
                .sorted()
                .toList();
    }

    /** Forgets who reported when: a member that starts leading hears every member afresh. */
    void resetHeard(Set<String> current) {
        long now = clock.currentTimeMillis();
        lastHeard.clear();
        current.forEach(m -> lastHeard.put(m, now));
    }

    private static String key(String member, long interval) {
        return member + "#" + interval;
    }

    private List<IntervalReport> unjudged(long sinceMillis, long nowMillis) {
        long period = Math.max(1, periodMs);
        Set<String> keys = new HashSet<>();
        for (String member : members) {
            for (long n = sinceMillis / period; n <= nowMillis / period + 1; n++) {
                String key = key(member, n);
                if (!judged.containsKey(key)) {
                    keys.add(key);
                }
            }
        }
        List<IntervalReport> fresh = new ArrayList<>();
        for (Map.Entry<String, HazelcastJsonValue> e : reports.getAll(keys).entrySet()) {
            judged.put(e.getKey(), nowMillis);
            IntervalReport r = RecordJson.read(e.getValue().getValue(), IntervalReport.class);
            fresh.add(r);
            lastHeard.merge(r.member(), nowMillis, Math::max);
        }
        judged.values().removeIf(at -> at < nowMillis - 2 * LOOK_BACK_INTERVALS * period - 60_000);
        return fresh;
    }
}
