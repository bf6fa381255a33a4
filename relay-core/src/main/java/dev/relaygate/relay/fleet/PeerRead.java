package dev.relaygate.relay.fleet;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads from the other members as Hazelcast clients, for a member whose own Hazelcast view is known to be stale
 * (it stood still and was removed): a client joins nothing, it only asks a member. Each other member is asked on
 * its own, in parallel, because while this member stood still the others may have split apart themselves (a
 * partition read timing out after the repartition made two members suspect each other here): trusting the first
 * answer could return the side that missed the rollback. Bounded: a member that cannot answer within the deadline
 * yields nothing.
 */
final class PeerRead {

    private static final System.Logger LOG = System.getLogger(PeerRead.class.getName());
    private static final int CONNECT_TIMEOUT_MS = 1000;
    private static final int CLUSTER_CONNECT_TIMEOUT_MS = 2000;
    /** A client's call gives up after this many seconds instead of Hazelcast's two minutes. */
    private static final int INVOCATION_TIMEOUT_SECONDS = 2;

    private PeerRead() {}

    /** One read at start, result unused: the client's classes are loaded before a stall needs them fast. */
    static void warmUp(String clusterName, List<String> addresses, long deadlineMs) {
        records(clusterName, addresses, HazelcastSetup.FLEET_MAP, "record", deadlineMs, answer -> {}, true);
    }

    /**
     * The value under {@code key} in {@code map} as each member at {@code addresses} holds it, one answer per member
     * that answered within {@code deadlineMs} with a value (in the order they arrived). {@code eachAnswer} sees each
     * as it arrives, on the calling thread, so a caller can act on a decisive one before the slowest member
     * answered or the deadline passed.
     */
    static List<String> records(
            String clusterName,
            List<String> addresses,
            String map,
            String key,
            long deadlineMs,
            Consumer<String> eachAnswer) {
        return records(clusterName, addresses, map, key, deadlineMs, eachAnswer, false);
    }

    private static List<String> records(
            String clusterName,
            List<String> addresses,
            String map,
            String key,
            long deadlineMs,
            Consumer<String> eachAnswer,
            boolean quiet) {
        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.MILLISECONDS.toNanos(deadlineMs);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, addresses.size()), r -> {
            Thread t = new Thread(r, "relaygate-peer-read");
            t.setDaemon(true);
            return t;
        });
        CompletionService<String> reads = new ExecutorCompletionService<>(pool);
        for (String address : addresses) {
            reads.submit(() -> read(clusterName, address, map, key, quiet));
        }
        List<String> answers = new ArrayList<>(addresses.size());
        try {
            for (int pending = addresses.size(); pending > 0; pending--) {
                Future<String> done = reads.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (done == null) {
                    break; // the deadline passed: the members still being asked give nothing
                }
                String value = done.get();
                if (value != null) {
                    answers.add(value);
                    eachAnswer.accept(value);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        LOG.log(
                quiet ? System.Logger.Level.DEBUG : System.Logger.Level.INFO,
                "fleet: " + answers.size() + " of " + addresses.size() + " other members answered in "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms");
        return answers;
    }

    /** The value as the member at {@code address} holds it; null when it has none or cannot be asked. */
    private static String read(String clusterName, String address, String map, String key, boolean quiet) {
        ClientConfig client = new ClientConfig();
        client.setClusterName(clusterName);
        client.setInstanceName("relaygate-peer-read-" + System.nanoTime());
        client.setProperty("hazelcast.logging.type", "jdk");
        client.setProperty("hazelcast.client.statistics.enabled", "false");
        client.setProperty("hazelcast.client.invocation.timeout.seconds", String.valueOf(INVOCATION_TIMEOUT_SECONDS));
        // One address, no smart routing: the answer is this member's (its own cluster's), not a neighbour's.
        client.getNetworkConfig()
                .setAddresses(List.of(address))
                .setConnectionTimeout(CONNECT_TIMEOUT_MS)
                .setSmartRouting(false);
        client.getConnectionStrategyConfig()
                .getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(CLUSTER_CONNECT_TIMEOUT_MS);
        HazelcastInstance peer = null;
        try {
            peer = HazelcastClient.newHazelcastClient(client);
            return peer.<String, String>getMap(map).get(key);
        } catch (RuntimeException e) {
            LOG.log(
                    quiet ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                    "fleet: member " + address + " could not be asked directly (" + e + ")");
            return null;
        } finally {
            if (peer != null) {
                peer.shutdown();
            }
        }
    }
}
