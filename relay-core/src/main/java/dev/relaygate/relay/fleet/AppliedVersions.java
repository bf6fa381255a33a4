package dev.relaygate.relay.fleet;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The record versions this member applied to its router, when, and what they routed: the evidence that a
 * change reached this member (read by {@code GET /admin/cluster/applied} and the propagation gate). A bounded
 * ring of the latest {@value #CAPACITY}.
 */
final class AppliedVersions {

    static final int CAPACITY = 1024;

    /** One application of a record version. */
    record Applied(long version, long appliedAtMillis, int greenWeight, String phase, String changedBy) {}

    private final ArrayDeque<Applied> ring = new ArrayDeque<>(CAPACITY);

    synchronized void add(Applied applied) {
        if (ring.size() == CAPACITY) {
            ring.pollFirst();
        }
        ring.addLast(applied);
    }

    synchronized List<Applied> since(long version) {
        return ring.stream().filter(a -> a.version() >= version).toList();
    }

    synchronized Applied latest() {
        return ring.peekLast();
    }

    /** {@code GET /admin/cluster/applied}'s list: the versions applied since {@code version}, oldest first. */
    List<Map<String, Object>> json(long version) {
        return since(version).stream()
                .map(a -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("version", a.version());
                    m.put("applied_at_ms", a.appliedAtMillis());
                    m.put("green_weight", a.greenWeight());
                    m.put("phase", a.phase());
                    m.put("changed_by", a.changedBy());
                    return m;
                })
                .toList();
    }
}
