package dev.relaygate.gates.autorollbacklatency;

import dev.relaygate.gates.LatencyRecorder;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.load.AutoRollbackGate;
import dev.relaygate.gates.load.ChatTraffic;
import dev.relaygate.mock.Profile;
import io.gatling.javaapi.core.Simulation;

/**
 * Gate {@code auto-rollback-latency}: a 10% canary whose green gains +100 ms at a recorded instant; the
 * judge's p99-difference check (green p99 minus blue p99 over the seed's 50 ms) must roll back within
 * 30 s of the onset, and clients see no failures (slow is not broken).
 */
public class AutoRollbackLatencySimulation extends Simulation {

  static final String GATE = "auto-rollback-latency";

  private final AutoRollbackGate gate;

  public AutoRollbackLatencySimulation() {
    this.gate = new AutoRollbackGate(GATE, "+100 ms latency", (props, p) -> p.withProfile(Profile.SLOW)
        .withAddedLatencyMs((int) props.integer("green_added_latency_ms", 100)));
    setUp(gate.populations()).protocols(ChatTraffic.protocol());
  }

  @Override
  public void before() {
    gate.before(getClass());
  }

  @Override
  public void after() {
    double failedRatioBelow = gate.properties().decimal("failed_ratio_below", 0.001);
    gate.after((eval, rollbackEpochMs) -> {
      LatencyRecorder green = new LatencyRecorder();
      gate.log().measured().stream().filter(o -> o.servedBy("green")).forEach(o -> green.recordMillis(o.latencyMs()));
      eval.below("failed_ratio", ObservationLog.failedRatio(gate.log().measured()), "failed_ratio_below",
              failedRatioBelow)
          .measured("green_p99_ms", green.percentilesMs().get("p99"));
    });
  }
}
