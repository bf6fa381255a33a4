package dev.relaygate.relay.fleet;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.merge.MergingEntry;
import com.hazelcast.spi.merge.SplitBrainMergePolicy;

/**
 * How a fleet that split (a partition, a paused member cut off) keeps one cluster record when it heals: the record
 * whose history holds more rollbacks survives, otherwise the higher version (see {@link ClusterRecord#survivor}).
 * Other entries of the fleet map keep the healed cluster's value when it has one.
 */
public final class RollbackWinsMergePolicy
        implements SplitBrainMergePolicy<Object, MergingEntry<Object, Object>, Object> {

    private static final System.Logger LOG = System.getLogger(RollbackWinsMergePolicy.class.getName());

    @Override
    public Object merge(MergingEntry<Object, Object> merging, MergingEntry<Object, Object> existing) {
        if (existing == null) {
            return merging.getRawValue();
        }
        if (merging == null) {
            return existing.getRawValue();
        }
        if (!FleetMap.RECORD.equals(merging.getKey())) {
            return existing.getRawValue();
        }
        ClusterRecord a = asRecord(existing.getValue());
        ClusterRecord b = asRecord(merging.getValue());
        if (a == null || b == null) {
            // unreadable on one side: the readable one stands (the healed cluster's when both are)
            return b != null ? merging.getRawValue() : existing.getRawValue();
        }
        ClusterRecord kept = ClusterRecord.survivor(a, b);
        LOG.log(
                System.Logger.Level.WARNING,
                "fleet healed: kept cluster record v" + kept.version() + " ("
                        + kept.rollout().phase() + ") over v" + (kept == a ? b : a).version() + " ("
                        + (kept == a ? b : a).rollout().phase() + ")");
        return kept == a ? existing.getRawValue() : merging.getRawValue();
    }

    private static ClusterRecord asRecord(Object value) {
        if (!(value instanceof String json)) {
            return null;
        }
        try {
            return RecordJson.read(json, ClusterRecord.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void writeData(ObjectDataOutput out) {
        // stateless
    }

    @Override
    public void readData(ObjectDataInput in) {
        // stateless
    }
}
