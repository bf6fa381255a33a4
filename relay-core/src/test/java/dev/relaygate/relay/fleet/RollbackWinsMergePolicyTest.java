package dev.relaygate.relay.fleet;

import static dev.relaygate.relay.fleet.ClusterRecordTest.breach;
import static dev.relaygate.relay.fleet.ClusterRecordTest.canary;
import static dev.relaygate.relay.fleet.ClusterRecordTest.record;
import static dev.relaygate.relay.fleet.ClusterRecordTest.rolledBack;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.spi.merge.MergingEntry;
import org.junit.jupiter.api.Test;

/** A fleet that healed keeps the record with more rollbacks; every other entry keeps the healed cluster's value. */
final class RollbackWinsMergePolicyTest {

    private final RollbackWinsMergePolicy policy = new RollbackWinsMergePolicy();

    /** An entry as Hazelcast hands it to a merge policy: values are the record's JSON. */
    private record Entry(String key, Object value) implements MergingEntry<Object, Object> {
        @Override
        public Object getKey() {
            return key;
        }

        @Override
        public Object getRawKey() {
            return key;
        }

        @Override
        public Object getValue() {
            return value;
        }

        @Override
        public Object getRawValue() {
            return value;
        }
    }

    @Test
    void theSideThatRolledBackWinsOverAHigherVersionThatAdvanced() {
        String rolledBack = RecordJson.write(record(12, 1, rolledBack(breach())));
        String advanced = RecordJson.write(record(15, 0, canary(3)));

        assertThat(policy.merge(new Entry(FleetMap.RECORD, rolledBack), new Entry(FleetMap.RECORD, advanced)))
                .isEqualTo(rolledBack);
        assertThat(policy.merge(new Entry(FleetMap.RECORD, advanced), new Entry(FleetMap.RECORD, rolledBack)))
                .isEqualTo(rolledBack);
    }

    @Test
    void withTheSameRollbacksTheNewerVersionWins() {
        String older = RecordJson.write(record(4, 0, canary(1)));
        String newer = RecordJson.write(record(5, 0, canary(2)));

        assertThat(policy.merge(new Entry(FleetMap.RECORD, newer), new Entry(FleetMap.RECORD, older)))
                .isEqualTo(newer);
    }

    @Test
    void anotherEntryKeepsTheHealedClustersValueWhateverItHolds() {
        // judged by its key, not by what its value looks like: only the record entry is the record
        String healed = RecordJson.write(record(1, 0, canary(1)));
        String merging = RecordJson.write(record(99, 5, rolledBack(breach())));

        assertThat(policy.merge(new Entry(FleetMap.JUDGE, merging), new Entry(FleetMap.JUDGE, healed)))
                .isEqualTo(healed);
    }

    @Test
    void anUnreadableRecordNeverBeatsAReadableOne() {
        String readable = RecordJson.write(record(3, 0, canary(1)));

        assertThat(policy.merge(new Entry(FleetMap.RECORD, readable), new Entry(FleetMap.RECORD, "{broken")))
                .isEqualTo(readable);
        assertThat(policy.merge(new Entry(FleetMap.RECORD, "{broken"), new Entry(FleetMap.RECORD, readable)))
                .isEqualTo(readable);
    }
}
