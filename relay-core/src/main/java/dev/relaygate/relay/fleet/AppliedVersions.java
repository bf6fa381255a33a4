package dev.relaygate.relay.fleet;

import java.util.ArrayDeque;
import java.util.List;

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
}
