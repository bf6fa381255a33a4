package dev.relaygate.gates.manualrollback;

import static io.gatling.javaapi.core.CoreDsl.details;

import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.load.JsonLoadGate;
import java.time.Duration;
import java.util.List;

/**
 * Gate {@code manual-rollback}: with green at 50% under load, {@code POST /admin/rollback}; every request
 * that started after the call returned must land on blue (0 exceptions), and the command-to-effect time
 * is reported.
 */
public class ManualRollbackSimulation extends JsonLoadGate {

  static final String GATE = "manual-rollback";
  static final GateProperties PROPS = GateProperties.of(GATE);
  static final double RATE = PROPS.decimal("rate_per_sec", 200);
  static final long WARMUP_SECONDS = PROPS.integer("warmup_seconds", 12, 6);
  static final long CANARY_SECONDS = PROPS.integer("canary_seconds", 10, 5);
  static final long AFTER_SECONDS = PROPS.integer("after_rollback_seconds", 10, 5);
  static final long GREEN_WEIGHT = PROPS.integer("green_weight", 50);
  static final double FAILED_RATIO_BELOW = PROPS.decimal("failed_ratio_below", 0.001);

  private volatile AdminClient.Reply rollback;

  public ManualRollbackSimulation() {
    super(PROPS, WARMUP_SECONDS);
    jsonLoad(RATE, CANARY_SECONDS + AFTER_SECONDS)
        .assertions(details("chat").failedRequests().percent().lt(FAILED_RATIO_BELOW * 100));
  }

  @Override
  protected String claim() {
    return "Green at " + GREEN_WEIGHT + "% under " + RATE + " req/s, then POST /admin/rollback:"
        + " every request started after the call returned lands on blue.";
  }

  @Override
  protected void choreograph(AdminClient admin) {
    control.at(Duration.ofSeconds(WARMUP_SECONDS), "shift to green " + GREEN_WEIGHT, () -> {
      requireOk(admin.trafficShift(100 - (int) GREEN_WEIGHT, (int) GREEN_WEIGHT), "traffic-shift");
      run().event("traffic_shift", "green " + GREEN_WEIGHT);
    }).at(Duration.ofSeconds(WARMUP_SECONDS + CANARY_SECONDS), "rollback", () -> {
      run().event("rollback_sent", "POST /admin/rollback");
      AdminClient.Reply r = admin.rollback();
      requireOk(r, "rollback");
      rollback = r;
      run().event(run().clock().msAt(r.returnedAtNanos()), "rollback_returned", "after " + r.tookMs() + " ms");
    });
  }

  @Override
  protected void evaluate(GateEvaluation eval, List<Observation> measured) {
    AdminClient.Reply r = rollback;
    eval.isTrue("rolled_back", r != null, "the admin rollback to have returned during the run");
    if (r != null) {
      long sent = r.sentAtNanos();
      long returned = r.returnedAtNanos();
      List<Observation> after = measured.stream().filter(o -> o.startNanos() - returned > 0).toList();
      long greenAfter = after.stream().filter(o -> o.servedBy("green")).count();
      long greenBefore = measured.stream().filter(o -> o.startNanos() - sent < 0 && o.servedBy("green")).count();
      long lastGreenStart = measured.stream().filter(o -> o.servedBy("green"))
          .mapToLong(Observation::startNanos).max().orElse(sent);
      eval.atMost("green_started_after_rollback_returned", (double) greenAfter, "green_after_rollback_max", 0)
          .isTrue("green_served_before_rollback", greenBefore > 0,
              "green to have served traffic before the rollback (else the gate proves nothing)")
          .measured("rollback_call_ms", r.tookMs())
          .measured("command_to_effect_ms", Math.max(0, Math.round((lastGreenStart - sent) / 1e4) / 100.0))
          .measured("requests_after_rollback", (long) after.size())
          .measured("green_served_before_rollback", greenBefore);
    }
    eval.below("failed_ratio", ObservationLog.failedRatio(measured), "failed_ratio_below", FAILED_RATIO_BELOW)
        .measured("requests", (long) measured.size());
  }
}
