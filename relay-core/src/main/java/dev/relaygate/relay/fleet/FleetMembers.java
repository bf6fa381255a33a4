package dev.relaygate.relay.fleet;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import dev.relaygate.relay.config.ClusterConfig;
import dev.relaygate.relay.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who is in the fleet as this member sees it: the members (by the member id each sets as an attribute), the
 * leader (the oldest), whether a majority of the configured fleet is in sight, since when each member has been
 * there, and which record version each applied (every member publishes its own; status reads them from memory).
 */
final class FleetMembers {

    private static final System.Logger LOG = System.getLogger(FleetMembers.class.getName());

    private final HazelcastInstance hazelcast;
    private final ClusterConfig config;
    private final Clock clock;
    private final IMap<String, HazelcastJsonValue> states;
    private final Map<String, Map<String, Object>> applied = new ConcurrentHashMap<>();
    private final Map<String, Long> since = new ConcurrentHashMap<>();

    FleetMembers(HazelcastInstance hazelcast, ClusterConfig config, Clock clock) {
        this.hazelcast = hazelcast;
        this.config = config;
        this.clock = clock;
        this.states = hazelcast.getMap(HazelcastSetup.MEMBERS_MAP);
    }

    /** Starts following membership and the others' applied versions; {@code onChange} runs when members come or go. */
    void start(Runnable onChange) {
        states.addEntryListener(new StateListener(), true);
        states.entrySet().forEach(e -> applied.put(e.getKey(), view(e.getValue())));
        hazelcast.getCluster().getMembers().forEach(m -> since.putIfAbsent(idOf(m), clock.currentTimeMillis()));
        hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                since.put(idOf(event.getMember()), clock.currentTimeMillis());
                LOG.log(System.Logger.Level.INFO, "fleet: member joined: " + idOf(event.getMember()));
                onChange.run();
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                since.remove(idOf(event.getMember()));
                LOG.log(
                        System.Logger.Level.WARNING,
                        "fleet: member left: " + idOf(event.getMember()) + " (" + count() + " of "
                                + config.fleetSizeText() + " in sight; leader " + leaderId() + ")");
                onChange.run();
            }
        });
    }

    /** Whether this member is the oldest of those it sees: the one that runs the controller's ticks. */
    boolean isLeader() {
        Set<Member> all = hazelcast.getCluster().getMembers();
        return !all.isEmpty() && all.iterator().next().localMember();
    }

    String leaderId() {
        Set<Member> all = hazelcast.getCluster().getMembers();
        return all.isEmpty() ? null : idOf(all.iterator().next());
    }

    int count() {
        return hazelcast.getCluster().getMembers().size();
    }

    /** Whether a majority of the configured fleet is in sight (always, with Kubernetes discovery). */
    boolean hasQuorum() {
        return count() >= config.quorum();
    }

    Set<String> ids() {
        return hazelcast.getCluster().getMembers().stream()
                .map(FleetMembers::idOf)
                .collect(Collectors.toSet());
    }

    /** Since when each member in sight has been in sight (this member's clock). */
    Map<String, Long> since() {
        return since;
    }

    /** Tells the others (and this member's status) that it applied {@code version}. */
    void publishApplied(long version, long atMillis) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("applied_version", version);
        state.put("applied_at_ms", atMillis);
        applied.put(config.memberId(), state);
        try {
            states.setAsync(config.memberId(), new HazelcastJsonValue(RecordJson.write(state)));
        } catch (RuntimeException e) {
            // status of the others only; the record itself is applied
        }
    }

    /**
     * One row per member in sight for status: id, address, leader, applied version and its lag behind
     * {@code newest}, plus what {@code reporting} says of it.
     */
    List<Map<String, Object>> rows(long newest, Function<String, Map<String, Object>> reporting) {
        String leader = leaderId();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Member m : hazelcast.getCluster().getMembers()) {
            String id = idOf(m);
            Map<String, Object> state = applied.getOrDefault(id, Map.of());
            Object version = state.get("applied_version");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("address", m.getAddress().getHost() + ":" + m.getAddress().getPort());
            row.put("leader", id.equals(leader));
            row.put("applied_version", version);
            row.put("lag_versions", version instanceof Number n ? Math.max(0, newest - n.longValue()) : null);
            row.put("applied_at_ms", state.get("applied_at_ms"));
            row.putAll(reporting.apply(id));
            rows.add(row);
        }
        return rows;
    }

    static String idOf(Member m) {
        String id = m.getAttribute(HazelcastSetup.MEMBER_ID_ATTRIBUTE);
        return id != null ? id : m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(HazelcastJsonValue value) {
        return value == null ? Map.of() : RecordJson.read(value.getValue(), Map.class);
    }

    /** Keeps the others' applied versions in memory for status. */
    private final class StateListener
            implements EntryAddedListener<String, HazelcastJsonValue>,
                    EntryUpdatedListener<String, HazelcastJsonValue> {

        @Override
        public void entryAdded(EntryEvent<String, HazelcastJsonValue> event) {
            applied.put(event.getKey(), view(event.getValue()));
        }

        @Override
        public void entryUpdated(EntryEvent<String, HazelcastJsonValue> event) {
            applied.put(event.getKey(), view(event.getValue()));
        }
    }
}
