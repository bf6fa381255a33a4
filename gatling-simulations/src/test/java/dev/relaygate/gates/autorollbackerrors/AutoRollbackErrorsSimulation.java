package dev.relaygate.gates.autorollbackerrors;

import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.load.AutoRollbackGate;
import dev.relaygate.gates.load.ChatTraffic;
import dev.relaygate.mock.Profile;
import io.gatling.javaapi.core.Simulation;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Gate {@code auto-rollback-errors}: a 10% canary at 200 req/s whose green starts failing 5% of requests
 * at a recorded instant; the judge must roll back within 30 s of the onset. Client-visible failures are
 * bounded by what the seed's own allowance implies: green's share of 30 s of traffic failing at the
 * fault rate, at its 1 - 1e-4 binomial quantile; none may start after the rollback (plus in-flight grace).
 */
public class AutoRollbackErrorsSimulation extends Simulation {

  static final String GATE = "auto-rollback-errors";

  private final AutoRollbackGate gate;
  private final double errorPercent;

  public AutoRollbackErrorsSimulation() {
    this.gate = new AutoRollbackGate(GATE, "5% errors (500/503/429)",
        (props, p) -> p.withProfile(Profile.FLAKY).withErrorPercent(errorPercent(props)));
    this.errorPercent = errorPercent(gate.properties());
    setUp(gate.populations()).protocols(ChatTraffic.protocol());
  }

  private static double errorPercent(GateProperties props) {
    return props.decimal("green_error_percent", 5);
  }

  @Override
  public void before() {
    gate.before(getClass());
  }

  @Override
  public void after() {
    gate.after((eval, rollbackEpochMs) -> {
      int greenRequestsInAllowance = (int) Math.ceil(gate.rate() * gate.canaryPercent() / 100.0
          * gate.rollbackWithinMs() / 1000.0);
      int bound = new BinomialDistribution(greenRequestsInAllowance, errorPercent / 100.0)
          .inverseCumulativeProbability(1 - 1e-4);
      List<Observation> measured = gate.log().measured();
      long failed = measured.stream().filter(Observation::failed).count();
      long failedAfter = rollbackEpochMs < 0 ? 0 : measured.stream().filter(Observation::failed)
          .filter(o -> gate.run().clock().epochMsAt(o.startNanos()) > rollbackEpochMs + gate.graceMs()).count();
      eval.atMost("client_failures", (double) failed, "client_failures_max", bound)
          .atMost("client_failures_after_rollback", (double) failedAfter, "client_failures_after_rollback_max", 0);
    });
  }
}
