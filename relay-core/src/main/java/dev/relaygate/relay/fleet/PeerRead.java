package dev.relaygate.relay.fleet;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;

/**
 * One read from the other members as a Hazelcast client, for a member whose own Hazelcast view is known to be
 * stale (it stood still and was removed): the client joins nothing, it only asks the members that are the fleet
 * now. Bounded: a fleet that cannot be reached within a couple of seconds yields nothing.
 */
final class PeerRead {

    private static final System.Logger LOG = System.getLogger(PeerRead.class.getName());

    private PeerRead() {}

    /** One read at start, result unused: the client's classes are loaded before a stall needs them fast. */
    static void warmUp(String clusterName, List<String> addresses) {
        read(clusterName, addresses, HazelcastSetup.FLEET_MAP, "record", true);
    }

    /** The value under {@code key} in {@code map} as the members at {@code addresses} hold it, or null. */
    static String record(String clusterName, List<String> addresses, String map, String key) {
        return read(clusterName, addresses, map, key, false);
    }

    private static String read(String clusterName, List<String> addresses, String map, String key, boolean quiet) {
        ClientConfig client = new ClientConfig();
        client.setClusterName(clusterName);
        client.setInstanceName("relaygate-peer-read-" + System.nanoTime());
        client.setProperty("hazelcast.logging.type", "jdk");
        client.setProperty("hazelcast.client.statistics.enabled", "false");
        client.getNetworkConfig()
                .setAddresses(addresses)
                .setConnectionTimeout(1000)
                .setSmartRouting(false);
        client.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(2000);
        long t0 = System.nanoTime();
        HazelcastInstance peers = null;
        try {
            peers = HazelcastClient.newHazelcastClient(client);
            String value = peers.<String, String>getMap(map).get(key);
            LOG.log(
                    quiet ? System.Logger.Level.DEBUG : System.Logger.Level.INFO,
                    "fleet: read the cluster record from the other members in " + (System.nanoTime() - t0) / 1_000_000
                            + " ms");
            return value;
        } catch (RuntimeException e) {
            LOG.log(
                    quiet ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                    "fleet: the other members could not be asked directly (" + e + "); waiting for the merge");
            return null;
        } finally {
            if (peers != null) {
                peers.shutdown();
            }
        }
    }
}
