package dev.relaygate.relay.config;

import java.util.List;
import java.util.Map;

/**
 * {@code cluster}: the fleet this relay is a member of. Hazelcast runs embedded (through Vert.x's cluster
 * manager) only when this section is present. Members find each other by TCP-IP join on the listed
 * addresses (multicast is always off), or through Hazelcast's Kubernetes discovery when {@code kubernetes}
 * is set. Hazelcast's open-source edition has no member authentication and no TLS, so the cluster port
 * binds only to {@code host} and must stay on a private network.
 *
 * @param name                     cluster name; members with another name never join (default relaygate)
 * @param memberId                 this member's id in status, logs and the request log (default host:port)
 * @param host                     the one interface the cluster port binds to (default 127.0.0.1)
 * @param port                     the cluster port (default 5801)
 * @param members                  every member's {@code host:port}, this one included (TCP-IP join)
 * @param failureDetectionSeconds  a member silent this long is removed ({@code hazelcast.max.no.heartbeat.seconds},
 *                                 default 5)
 * @param heartbeatIntervalSeconds how often members send heartbeats (default 1)
 * @param reconcileIntervalMs      each member re-reads the cluster record this often, so a missed change event
 *                                 heals (default 1000)
 * @param kubernetes               passed as is to Hazelcast's Kubernetes discovery (e.g. {@code service-dns},
 *                                 {@code namespace}, {@code service-name}); when set it replaces {@code members}
 * @param expectedMembers          the fleet's size, whose majority a member must see to advance a rollout: the
 *                                 length of {@code members} (setting another number is refused); with Kubernetes
 *                                 discovery set it to the replica count, else no majority is known (null)
 */
public record ClusterConfig(
        String name,
        String memberId,
        String host,
        Integer port,
        List<String> members,
        Integer failureDetectionSeconds,
        Integer heartbeatIntervalSeconds,
        Long reconcileIntervalMs,
        Map<String, String> kubernetes,
        Integer expectedMembers) {

    public static final int DEFAULT_PORT = 5801;

    public ClusterConfig {
        name = name == null ? "relaygate" : name;
        host = host == null ? "127.0.0.1" : host;
        port = port == null ? DEFAULT_PORT : port;
        memberId = memberId == null || memberId.isBlank() ? host + ":" + port : memberId;
        members = members == null ? List.of() : List.copyOf(members);
        failureDetectionSeconds = failureDetectionSeconds == null ? 5 : failureDetectionSeconds;
        heartbeatIntervalSeconds = heartbeatIntervalSeconds == null ? 1 : heartbeatIntervalSeconds;
        reconcileIntervalMs = reconcileIntervalMs == null ? 1000L : reconcileIntervalMs;
        kubernetes = kubernetes == null ? Map.of() : Map.copyOf(kubernetes);
        expectedMembers =
                expectedMembers == null && kubernetes.isEmpty() ? Integer.valueOf(members.size()) : expectedMembers;
    }

    /** A loopback member of a fleet whose members listen on {@code memberPorts}. */
    public static ClusterConfig loopback(String name, int port, List<Integer> memberPorts) {
        return new ClusterConfig(
                name,
                null,
                "127.0.0.1",
                port,
                memberPorts.stream().map(p -> "127.0.0.1:" + p).toList(),
                null,
                null,
                null,
                null,
                null);
    }

    public ClusterConfig withFailureDetectionSeconds(int seconds) {
        return new ClusterConfig(
                name,
                memberId,
                host,
                port,
                members,
                seconds,
                heartbeatIntervalSeconds,
                reconcileIntervalMs,
                kubernetes,
                expectedMembers);
    }

    /** Whether members are found through Kubernetes rather than the member list. */
    public boolean usesKubernetes() {
        return !kubernetes.isEmpty();
    }

    /** The fleet's size as messages say it ("3", or "?" when Kubernetes discovery leaves it unknown). */
    public String fleetSizeText() {
        return expectedMembers == null ? "?" : String.valueOf(expectedMembers);
    }

    /**
     * How many members make a majority of the fleet ({@code expected_members}): a member that sees fewer may
     * roll back but never advances a rollout. With Kubernetes discovery and no {@code expected_members} the
     * fleet's size is unknown: 1, so any member alone may advance (the relay warns at start).
     */
    public int quorum() {
        return expectedMembers == null ? 1 : expectedMembers / 2 + 1;
    }
}
