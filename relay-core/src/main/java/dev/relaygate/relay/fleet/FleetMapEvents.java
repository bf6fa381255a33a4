package dev.relaygate.relay.fleet;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The fleet map's change events, sorted: a new cluster record (and whether it is the survivor of a merge after a
 * split healed), or a new judge view from the leader. Runs on Hazelcast's event threads, in order per key.
 */
final class FleetMapEvents
        implements EntryAddedListener<String, String>,
                EntryUpdatedListener<String, String>,
                EntryMergedListener<String, String> {

    private final BiConsumer<ClusterRecord, Boolean> onRecord;
    private final Consumer<String> onJudgeView;

    /** @param onRecord gets each record and whether it came out of a merge */
    FleetMapEvents(BiConsumer<ClusterRecord, Boolean> onRecord, Consumer<String> onJudgeView) {
        this.onRecord = onRecord;
        this.onJudgeView = onJudgeView;
    }

    @Override
    public void entryAdded(EntryEvent<String, String> event) {
        dispatch(event, false);
    }

    @Override
    public void entryUpdated(EntryEvent<String, String> event) {
        dispatch(event, false);
    }

    @Override
    public void entryMerged(EntryEvent<String, String> event) {
        dispatch(event, true);
    }

    private void dispatch(EntryEvent<String, String> event, boolean merged) {
        if (event.getValue() == null) {
            return;
        }
        if (FleetMap.JUDGE.equals(event.getKey())) {
            onJudgeView.accept(event.getValue());
        } else if (FleetMap.RECORD.equals(event.getKey())) {
            onRecord.accept(RecordJson.read(event.getValue(), ClusterRecord.class), merged);
        }
    }
}
