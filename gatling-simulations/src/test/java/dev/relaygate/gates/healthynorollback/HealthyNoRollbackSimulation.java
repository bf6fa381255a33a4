package dev.relaygate.gates.healthynorollback;

import static io.gatling.javaapi.core.CoreDsl.details;

import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.RolloutEventView;
import dev.relaygate.gates.load.JsonLoadGate;
import java.time.Duration;
import java.util.List;

/**
 * Gate {@code healthy-no-rollback}: a canary whose green stays healthy for the whole run must never be
 * rolled back (the judge's false-rollback guard under repeated looks), with failed < 0.1%.
 */
public class HealthyNoRollbackSimulation extends JsonLoadGate {

  static final String GATE = "healthy-no-rollback";
  static final GateProperties PROPS = GateProperties.of(GATE);
  static final double RATE = PROPS.decimal("rate_per_sec", 200);
  static final long WARMUP_SECONDS = PROPS.integer("warmup_seconds", 12, 6);
  static final long CANARY_SECONDS = PROPS.integer("canary_seconds", 35, 15);
  static final long INCREMENT = PROPS.integer("increment", 10);
  static final long INTERVAL_SECONDS = PROPS.integer("interval_seconds", 10, 4);
  static final double FAILED_RATIO_BELOW = PROPS.decimal("failed_ratio_below", 0.001);

  public HealthyNoRollbackSimulation() {
    super(PROPS, WARMUP_SECONDS);
    // at most: the settle wait, the canary, a margin; the control step stops the load after the canary
    jsonLoad(RATE, settleAllowanceSeconds() + CANARY_SECONDS + 5)
        .assertions(details("chat").failedRequests().percent().lt(FAILED_RATIO_BELOW * 100));
  }

  @Override
  protected String claim() {
    return "A healthy green rolled out by " + INCREMENT + " every " + INTERVAL_SECONDS + " s for " + CANARY_SECONDS
        + " s at " + RATE + " req/s: no rollback, failed < " + FAILED_RATIO_BELOW * 100 + "%.";
  }

  @Override
  protected void choreograph(AdminClient admin) {
    control.at(Duration.ofSeconds(WARMUP_SECONDS), "start the rollout", () -> {
      awaitSettled();
      startPlaybookRollout(admin, INCREMENT, INTERVAL_SECONDS);
      sleep(CANARY_SECONDS * 1000);
      phases.requestStop();
    });
  }

  @Override
  protected void evaluate(GateEvaluation eval, List<Observation> measured) {
    List<RolloutEventView> events = rolloutEvents();
    List<RolloutEventView> changes = events.stream().filter(RolloutEventView::changesWeight).toList();
    eval.isTrue("rollout_started", changes.stream().anyMatch(e -> e.is("STARTED")), "the rollout to have started")
        .atMost("rollbacks", (double) changes.stream().filter(e -> e.is("ROLLED_BACK")).count(), "rollbacks_max", 0)
        .below("failed_ratio", ObservationLog.failedRatio(measured), "failed_ratio_below", FAILED_RATIO_BELOW)
        .measured("requests", (long) measured.size())
        .measured("green_served", measured.stream().filter(o -> o.servedBy("green")).count())
        .measured("final_green_weight", changes.isEmpty() ? 0 : changes.get(changes.size() - 1).greenWeight())
        .measured("verdicts", events.stream().filter(e -> e.is("VERDICT")).count());
  }
}
