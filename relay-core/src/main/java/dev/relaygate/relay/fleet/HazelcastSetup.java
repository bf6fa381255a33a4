package dev.relaygate.relay.fleet;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.KubernetesConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.HazelcastInstance;
import dev.relaygate.relay.config.ClusterConfig;
import dev.relaygate.relay.config.ConfigException;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns {@code cluster:} into a Hazelcast member embedded in a clustered Vert.x: Vert.x's own cluster config
 * (its internal maps), with the network bound to one interface, TCP-IP join on the member list (or Kubernetes
 * discovery), multicast and phone-home off, failure detection in seconds rather than a minute, a paused or
 * cut-off member merged back within seconds, and the fleet map's rollback-wins merge policy.
 */
public final class HazelcastSetup {

    /** The map holding the cluster record, the latest verdict and the config fingerprint. */
    static final String FLEET_MAP = "relaygate.fleet";
    /** Members' interval reports for the leader's judge. */
    static final String INTERVALS_MAP = "relaygate.intervals";
    /** Each member's applied record version, for status. */
    static final String MEMBERS_MAP = "relaygate.members";

    static final String MEMBER_ID_ATTRIBUTE = "relaygate.member_id";

    private static final long JOIN_TIMEOUT_SECONDS = 120;

    private HazelcastSetup() {}

    /** A clustered Vert.x and the Hazelcast member inside it. */
    public record Joined(Vertx vertx, HazelcastInstance hazelcast) {}

    /** The Hazelcast config for {@code cluster}. */
    public static Config hazelcastConfig(ClusterConfig cluster) {
        Config hz = ConfigUtil.loadConfig();
        hz.setClusterName(cluster.name());
        hz.setInstanceName("relaygate-" + cluster.memberId());
        hz.setProperty("hazelcast.phone.home.enabled", "false");
        hz.setProperty("hazelcast.logging.type", "jdk");
        // Vert.x closes the member in the relay's own shutdown order (after draining), not Hazelcast's hook.
        hz.setProperty("hazelcast.shutdownhook.enabled", "false");
        hz.setProperty("hazelcast.socket.bind.any", "false");
        // Hazelcast's own metrics collection costs CPU every few seconds on an idle fleet; the relay's /metrics
        // says what matters.
        hz.getMetricsConfig().setEnabled(false);
        // A fleet holds a handful of small entries: 271 partitions (the default) would mean hundreds of migrations
        // on every join and leave, and periodic partition work for nothing. Every member sets the same count.
        hz.setProperty("hazelcast.partition.count", "31");
        // The other maps keep synchronous backups; a paused backup holder delays their writes by at most this.
        hz.setProperty("hazelcast.operation.backup.timeout.millis", "500");
        hz.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(cluster.failureDetectionSeconds()));
        hz.setProperty("hazelcast.heartbeat.interval.seconds", String.valueOf(cluster.heartbeatIntervalSeconds()));
        // A member that was paused or cut off forms a cluster of one; look for the others every second and merge.
        hz.setProperty("hazelcast.merge.first.run.delay.seconds", "1");
        hz.setProperty("hazelcast.merge.next.run.delay.seconds", "1");
        // The default waits 5 s before a joiner may join; members of a fleet start together.
        hz.setProperty("hazelcast.wait.seconds.before.join", "1");
        // A call to an unreachable cluster fails within about ten seconds (fail static), not after two minutes of
        // retries; long enough to ride out the partition migrations of members joining together on a busy machine.
        hz.setProperty("hazelcast.invocation.max.retry.count", "100");
        hz.setProperty("hazelcast.invocation.retry.pause.millis", "100");
        hz.setProperty("hazelcast.operation.call.timeout.millis", "5000");

        NetworkConfig net = hz.getNetworkConfig();
        net.setPort(cluster.port()).setPortAutoIncrement(false);
        net.getInterfaces().setEnabled(true).clear().addInterface(cluster.host());
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        if (cluster.usesKubernetes()) {
            KubernetesConfig k8s = join.getKubernetesConfig().setEnabled(true);
            cluster.kubernetes().forEach(k8s::setProperty);
            join.getTcpIpConfig().setEnabled(false);
            if (cluster.expectedMembers() == null) {
                System.getLogger(HazelcastSetup.class.getName())
                        .log(
                                System.Logger.Level.WARNING,
                                "fleet: Kubernetes discovery without cluster.expected_members: the fleet's size is"
                                        + " unknown, so a member cut off from the others may still advance a"
                                        + " rollout on its own; set it to the replica count");
            }
        } else {
            join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
        }
        hz.getMemberAttributeConfig().setAttribute(MEMBER_ID_ATTRIBUTE, cluster.memberId());

        // Backups are asynchronous: a commit (a rollback) never waits for another member's acknowledgement, which a
        // busy or paused member can delay by hundreds of ms. If the owner dies before its backups caught up, the
        // version it lost is still applied by the members that saw it, and the next decision builds on it (a member
        // never steps back to an older record).
        hz.addMapConfig(new MapConfig(FLEET_MAP)
                .setBackupCount(0)
                .setAsyncBackupCount(2)
                .setMergePolicyConfig(new MergePolicyConfig(RollbackWinsMergePolicy.class.getName(), 100)));
        hz.addMapConfig(new MapConfig(INTERVALS_MAP).setBackupCount(1));
        hz.addMapConfig(new MapConfig(MEMBERS_MAP).setBackupCount(1));
        return hz;
    }

    /**
     * Starts a clustered Vert.x whose event loops serve the relay, joined to the fleet. Blocks until joined.
     *
     * @throws ConfigException naming {@code cluster.port} when it is taken, or {@code cluster} when the member
     *                         cannot start
     */
    public static Joined startClustered(ClusterConfig cluster, VertxOptions options) {
        requirePortFree(cluster);
        HazelcastClusterManager manager = new HazelcastClusterManager(hazelcastConfig(cluster));
        // The event bus listens too (Vert.x opens it for every clustered instance): on the same interface only.
        options.getEventBusOptions().setHost(cluster.host()).setPort(0);
        try {
            Vertx vertx = Vertx.builder()
                    .with(options)
                    .withClusterManager(manager)
                    .buildClustered()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(JOIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Joined(vertx, manager.getHazelcastInstance());
        } catch (ExecutionException e) {
            throw new ConfigException(
                    "cluster", "cluster member " + cluster.memberId() + " could not start: " + e.getCause());
        } catch (TimeoutException e) {
            throw new ConfigException(
                    "cluster",
                    "cluster member " + cluster.memberId() + " did not start within " + JOIN_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining the fleet", e);
        }
    }

    /** Hazelcast would fail deep in its start-up; name the field instead. */
    private static void requirePortFree(ClusterConfig cluster) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(cluster.host()), cluster.port()));
        } catch (IOException e) {
            throw new ConfigException(
                    "cluster.port",
                    "cluster.port " + cluster.port() + " cannot be bound on " + cluster.host() + " (" + e.getMessage()
                            + "); is another member or program using it?");
        }
    }
}
