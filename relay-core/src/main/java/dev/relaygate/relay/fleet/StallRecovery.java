package dev.relaygate.relay.fleet;

import dev.relaygate.relay.config.ClusterConfig;
import dev.relaygate.relay.time.Clock;
import java.util.List;

/**
 * What a member does after it stood still longer than failure detection (SIGSTOP, a frozen VM): the others
 * removed it and may have decided without it (a rollback, most likely), while its own Hazelcast rejoins through a
 * split-brain merge, which takes seconds. Meanwhile it holds green at 0, asks every other member for the record
 * on its own (as a Hazelcast client, {@link PeerRead}) and applies the one that stands among all answers and its
 * own: the others may have split while it stood still, so one side's missed rollback cannot win. A record that
 * sends nothing to green runs as soon as an answer brings it; anything else once every member answered or the
 * deadline passed.
 */
final class StallRecovery implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StallRecovery.class.getName());
    /**
     * How long a member that stood still waits for the other members' answers, green held at 0 meanwhile: well
     * inside the two seconds a resumed member has to converge; an answer takes about 200 ms here.
     */
    static final long PEER_READ_DEADLINE_MS = 1500;

    private final ClusterConfig config;
    private final RecordApplier applier;
    private final Clock clock;
    private final List<String> others;
    private volatile long heldSince;
    private StallWatch watch;

    StallRecovery(ClusterConfig config, RecordApplier applier, Clock clock) {
        this.config = config;
        this.applier = applier;
        this.clock = clock;
        this.others = config.members().stream()
                .filter(m -> !m.equals(config.host() + ":" + config.port()))
                .toList();
    }

    /** Starts watching for stalls (on the watch's own thread: a periodic re-read stuck across one must not delay it). */
    void start() {
        watch = new StallWatch(config.failureDetectionSeconds() * 1000L, this::afterStall);
    }

    /** Loads the peer client's classes now: after a stall, on a busy machine, a cold client took seconds. */
    void warmUp() {
        if (!others.isEmpty()) {
            PeerRead.warmUp(config.name(), others, PEER_READ_DEADLINE_MS);
        }
    }

    /** Since when green is held after a stall (epoch ms), or 0 when it is not. */
    long heldSince() {
        return heldSince;
    }

    private void afterStall(long stalledMs) {
        LOG.log(
                System.Logger.Level.WARNING,
                "fleet: this member stood still for " + stalledMs + " ms (failure detection is "
                        + config.failureDetectionSeconds() + " s); reading the cluster record from " + others);
        if (others.isEmpty()) {
            return;
        }
        synchronized (applier.lock()) {
            // Until the fleet's answer is in, no new request goes to green: the fleet may have rolled back meanwhile.
            heldSince = clock.currentTimeMillis();
            applier.holdGreen("held after standing still " + stalledMs + " ms");
        }
        ClusterRecord[] standing = {null};
        List<String> answers = PeerRead.records(
                config.name(), others, HazelcastSetup.FLEET_MAP, FleetMap.RECORD, PEER_READ_DEADLINE_MS, json -> {
                    synchronized (applier.lock()) {
                        standing[0] = ClusterRecord.survivor(
                                standing[0] == null ? applier.applied() : standing[0],
                                RecordJson.read(json, ClusterRecord.class));
                        if (standing[0].allOnBlue()) {
                            applier.applyIfNewer(standing[0], "read from the other members after a stall");
                        }
                    }
                });
        synchronized (applier.lock()) {
            if (!answers.isEmpty()) {
                applier.apply(standing[0], "read from the other members after a stall", true);
            } else if (applier.applied() != null) {
                // Cut off, not merely paused: fail static on the last applied record.
                applier.apply(applier.applied(), "the other members are out of reach: last applied record", true);
            }
            heldSince = 0;
        }
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
    }
}
