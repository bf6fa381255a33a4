package dev.relaygate.gates;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A fleet gate's requests: each kept whole with its member ({@link MemberObservation}), and also fed to an
 * {@link ObservationLog}, so the settle wait, latency percentiles and per-environment counters work as in
 * every other gate.
 */
public final class FleetObservations {

    private final ConcurrentLinkedQueue<MemberObservation> all = new ConcurrentLinkedQueue<>();
    private final ObservationLog log = new ObservationLog();

    public void record(MemberObservation o) {
        all.add(o);
        log.record(o.observation());
    }

    /** The plain log (settle, latency, counters). */
    public ObservationLog log() {
        return log;
    }

    /** Requests started after the warm-up, in arrival order of their outcome. */
    public List<MemberObservation> measured() {
        List<MemberObservation> out = new ArrayList<>();
        for (MemberObservation o : all) {
            if (o.measured()) {
                out.add(o);
            }
        }
        return out;
    }
}
