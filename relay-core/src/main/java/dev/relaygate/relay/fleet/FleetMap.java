package dev.relaygate.relay.fleet;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.MapListener;
import dev.relaygate.relay.config.ConfigException;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.rollout.SharedStateUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The fleet map's entries as a member uses them: the cluster record (read with a deadline, replaced only by
 * compare-and-set on the exact JSON it was read as), the leader's judge view, and the config fingerprint.
 */
final class FleetMap {

    static final String RECORD = "record";
    static final String JUDGE = "judge";
    private static final String FINGERPRINT = "fingerprint";
    private static final long READ_TIMEOUT_MS = 2000;

    private final IMap<String, String> map;

    FleetMap(HazelcastInstance hazelcast) {
        this.map = hazelcast.getMap(HazelcastSetup.FLEET_MAP);
    }

    /** The value under {@code key}, or null; fails after {@value #READ_TIMEOUT_MS} ms rather than waiting on. */
    String get(String key) throws ExecutionException, TimeoutException, InterruptedException {
        return map.getAsync(key).toCompletableFuture().get(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /** The cluster record's JSON for a decision to build on. */
    String record() {
        try {
            String json = get(RECORD);
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

    /** Replaces the record with {@code next} only if it is still exactly {@code expectedJson}. */
    boolean compareAndSet(String expectedJson, ClusterRecord next) {
        try {
            return map.replace(RECORD, expectedJson, RecordJson.write(next));
        } catch (RuntimeException e) {
            throw new SharedStateUnavailableException(
                    "the change could not be committed to the cluster record: " + e + "; nothing was changed", e);
        }
    }

    /** The fleet's record, or {@code seed} when this is the first member (whichever member seeds first wins). */
    ClusterRecord recordOrSeed(ClusterRecord seed) {
        String json = map.get(RECORD);
        if (json == null) {
            String previous = map.putIfAbsent(RECORD, RecordJson.write(seed));
            json = previous != null ? previous : RecordJson.write(seed);
        }
        return RecordJson.read(json, ClusterRecord.class);
    }

    /**
     * @throws ConfigException naming every field whose digest differs from the fleet's (the first member's)
     */
    void requireSameFingerprint(RelayConfig config) {
        Map<String, String> mine = ConfigFingerprint.of(config);
        String existing = map.putIfAbsent(FINGERPRINT, RecordJson.write(mine));
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

    /** Shares the leader's judge view; followers show an older one if this fails. */
    void publishJudgeView(Map<String, Object> view) {
        try {
            map.setAsync(JUDGE, RecordJson.write(view));
        } catch (RuntimeException e) {
            // status only: the leader's own view is current
        }
    }

    UUID listen(MapListener listener) {
        return map.addEntryListener(listener, true);
    }
}
