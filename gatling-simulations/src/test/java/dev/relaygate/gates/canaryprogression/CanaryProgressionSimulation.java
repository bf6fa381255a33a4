package dev.relaygate.gates.canaryprogression;

import static io.gatling.javaapi.core.CoreDsl.details;

import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.RolloutEventView;
import dev.relaygate.gates.Rollouts;
import dev.relaygate.gates.StepShare;
import dev.relaygate.gates.load.JsonLoadGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Gate {@code canary-progression}: a healthy green stepped 0 -> 100 with a short interval must reach
 * PROMOTED with failed < 0.1%, and in every step the green share clients saw must match the step's
 * weight (two-sided binomial test, alpha 1e-4 per step, requests within 250 ms of a change left out).
 */
public class CanaryProgressionSimulation extends JsonLoadGate {

  static final String GATE = "canary-progression";
  static final GateProperties PROPS = GateProperties.of(GATE);
  static final double RATE = PROPS.decimal("rate_per_sec", 200);
  static final long WARMUP_SECONDS = PROPS.integer("warmup_seconds", 12, 6);
  static final long INCREMENT = PROPS.integer("increment", 25);
  static final long INTERVAL_SECONDS = PROPS.integer("interval_seconds", 8, 3);
  static final long HOLD_SECONDS = PROPS.integer("hold_after_promoted_seconds", 5, 3);
  static final double ALPHA = PROPS.decimal("step_alpha", 1e-4);
  static final double FAILED_RATIO_BELOW = PROPS.decimal("failed_ratio_below", 0.001);
  static final long GUARD_MS = PROPS.integer("step_guard_ms", 250);

  public CanaryProgressionSimulation() {
    super(PROPS, WARMUP_SECONDS);
    long steps = (100 + INCREMENT - 1) / INCREMENT;
    // the longest it may take: the settle wait, every step held one extra interval, the hold at 100%
    jsonLoad(RATE, settleAllowanceSeconds() + INTERVAL_SECONDS * steps * 2 + HOLD_SECONDS + 5)
        .assertions(details("chat").failedRequests().percent().lt(FAILED_RATIO_BELOW * 100));
  }

  @Override
  protected String claim() {
    return "A healthy green stepped 0 -> 100 by " + INCREMENT + " every " + INTERVAL_SECONDS + " s at " + RATE
        + " req/s: reaches PROMOTED, failed < " + FAILED_RATIO_BELOW * 100 + "%, and each step's green share"
        + " matches its weight (binomial, alpha " + ALPHA + " per step).";
  }

  @Override
  protected void choreograph(AdminClient admin) {
    control.at(Duration.ofSeconds(WARMUP_SECONDS), "start the rollout", () -> {
      awaitSettled();
      startSeedRollout(admin, INCREMENT, INTERVAL_SECONDS);
      long deadline = System.currentTimeMillis() + INTERVAL_SECONDS * 1000 * ((100 / INCREMENT) + 1) * 2;
      while (System.currentTimeMillis() < deadline
          && Rollouts.first(Rollouts.events(admin), "PROMOTED", 0) == null) {
        sleep(500);
      }
      sleep(HOLD_SECONDS * 1000);
      phases.requestStop();
    });
  }

  @Override
  protected void evaluate(GateEvaluation eval, List<Observation> measured) {
    List<RolloutEventView> changes = rolloutEvents().stream().filter(RolloutEventView::changesWeight).toList();
    eval.isTrue("reached_promoted", changes.stream().anyMatch(e -> e.is("PROMOTED")),
            "the rollout to reach PROMOTED")
        .isTrue("no_rollback", changes.stream().noneMatch(e -> e.is("ROLLED_BACK")),
            "no rollback of a healthy green")
        .below("failed_ratio", ObservationLog.failedRatio(measured), "failed_ratio_below", FAILED_RATIO_BELOW);
    double minP = 1.0;
    int checked = 0;
    for (StepShare step : steps(changes, measured)) {
      String key = "step_green_" + step.weight();
      eval.measured(key + "_requests", step.requests())
          .measured(key + "_observed_share", round(step.observedShare()))
          .measured(key + "_p_value", step.pValue());
      if (step.requests() >= 20) {
        minP = Math.min(minP, step.pValue());
        checked++;
      }
    }
    // every canary step up to and including 100%: ceil(100 / increment) of them
    eval.atLeast("steps_checked", (double) checked, "min_steps_checked", Math.ceil(100.0 / INCREMENT))
        .atLeast("min_step_p_value", minP, "step_alpha", ALPHA)
        .measured("requests", (long) measured.size());
  }

  /** One share per weight segment: from each weight change to the next, less a guard band on both ends. */
  private List<StepShare> steps(List<RolloutEventView> changes, List<Observation> measured) {
    List<StepShare> out = new ArrayList<>();
    long from = Long.MIN_VALUE;
    int weight = 0;
    for (int i = 0; i <= changes.size(); i++) {
      long to = i < changes.size() ? changes.get(i).epochMs() : Long.MAX_VALUE;
      long lo = from == Long.MIN_VALUE ? Long.MIN_VALUE : from + GUARD_MS;
      long hi = to == Long.MAX_VALUE ? Long.MAX_VALUE : to - GUARD_MS;
      List<Observation> in = measured.stream().filter(o -> {
        long t = run().clock().epochMsAt(o.startNanos());
        return t >= lo && t < hi;
      }).toList();
      if (!in.isEmpty()) {
        out.add(StepShare.of(weight, in));
      }
      if (i < changes.size()) {
        from = to;
        weight = changes.get(i).greenWeight();
      }
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10_000.0) / 10_000.0;
  }
}
