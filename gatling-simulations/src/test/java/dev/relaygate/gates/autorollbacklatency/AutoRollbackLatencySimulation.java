package dev.relaygate.gates.autorollbacklatency;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.LatencyRecorder;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.load.AutoRollbackSimulation;
import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import java.util.List;
import java.util.Set;

/**
 * Gate {@code auto-rollback-latency}: a 10% canary whose green gains +100 ms at a recorded instant; the
 * judge's latency checks (green p99 over 200 ms, or green p99 minus blue p99 over 50 ms: the vendor
 * playbook's thresholds) must be what rolls back, within 30 s of the onset, and clients see no failures
 * (slow is not broken).
 */
public class AutoRollbackLatencySimulation extends AutoRollbackSimulation {

    static final String GATE = "auto-rollback-latency";

    public AutoRollbackLatencySimulation() {
        super(GATE, "+100 ms latency", Set.of("latency_p99", "latency_p99_difference"));
    }

    @Override
    protected ProfileSettings degrade(ProfileSettings current) {
        return current.withProfile(Profile.SLOW).withAddedLatencyMs((int) props.integer("green_added_latency_ms", 100));
    }

    @Override
    protected void clientChecks(GateEvaluation eval, List<Observation> measured, long rollbackEpochMs) {
        LatencyRecorder green = ObservationLog.answeredLatency(
                measured.stream().filter(o -> o.servedBy("green")).toList());
        eval.below(
                        "failed_ratio",
                        ObservationLog.failedRatio(measured),
                        "failed_ratio_below",
                        props.upperLimit("failed_ratio_below", 0.001))
                .measured("green_p99_ms", green.percentilesMs().get("p99"));
    }
}
