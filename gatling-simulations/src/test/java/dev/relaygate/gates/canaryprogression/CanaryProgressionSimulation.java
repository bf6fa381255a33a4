package dev.relaygate.gates.canaryprogression;

import static io.gatling.javaapi.core.CoreDsl.details;

import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.Choreography;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.GateRun;
import dev.relaygate.gates.LoadPhases;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.RelayTimeline;
import dev.relaygate.gates.RolloutEventView;
import dev.relaygate.gates.Rollouts;
import dev.relaygate.gates.Settle;
import dev.relaygate.gates.StepShare;
import dev.relaygate.gates.TimelineSampler;
import dev.relaygate.gates.load.ChatTraffic;
import dev.relaygate.gates.load.JsonLoad;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gate {@code canary-progression}: a healthy green stepped 0 -> 100 with a short interval must reach
 * PROMOTED with failed < 0.1%, and in every step the green share clients saw must match the step's
 * weight (two-sided binomial test, alpha 1e-4 per step, requests within 250 ms of a change left out).
 */
public class CanaryProgressionSimulation extends Simulation {

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

  private final ObservationLog log = new ObservationLog();
  private final Choreography control = new Choreography();
  private final LoadPhases phases = new LoadPhases(Duration.ofSeconds(WARMUP_SECONDS));
  private volatile GateRig rig;
  private GateRun run;
  private TimelineSampler timeline;

  {
    long steps = (100 + INCREMENT - 1) / INCREMENT;
    // the longest it may take: a 20 s settle wait, every step held one extra interval, the hold at 100%
    long measure = 20 + INTERVAL_SECONDS * steps * 2 + HOLD_SECONDS + 5;
    setUp(JsonLoad.populations(RATE, WARMUP_SECONDS, measure, () -> rig, log, phases, control))
        .protocols(ChatTraffic.protocol())
        .assertions(details("chat").failedRequests().percent().lt(FAILED_RATIO_BELOW * 100));
  }

  @Override
  public void before() {
    run = new GateRun(GATE, "A healthy green stepped 0 -> 100 by " + INCREMENT + " every " + INTERVAL_SECONDS
        + " s at " + RATE + " req/s: reaches PROMOTED, failed < " + FAILED_RATIO_BELOW * 100 + "%, and each step's"
        + " green share matches its weight (binomial, alpha " + ALPHA + " per step).", getClass(), PROPS);
    try {
      rig = GateRig.start();
      AdminClient admin = rig.admin();
      control.at(Duration.ofSeconds(WARMUP_SECONDS), "start the rollout", () -> {
        long waited = Settle.await(log, 100, Duration.ofSeconds(20));
        run.event("settled", "load settled after " + waited + " ms more");
        Rollouts.start(admin, Rollouts.seedBody((int) INCREMENT, INTERVAL_SECONDS, 0.01, 200, 50));
        run.event("rollout_started", "increment " + INCREMENT + ", interval " + INTERVAL_SECONDS + " s");
        long deadline = System.currentTimeMillis() + INTERVAL_SECONDS * 1000 * ((100 / INCREMENT) + 1) * 2;
        while (System.currentTimeMillis() < deadline
            && Rollouts.first(Rollouts.events(admin), "PROMOTED", 0) == null) {
          sleep(500);
        }
        sleep(HOLD_SECONDS * 1000);
        phases.requestStop();
      });
      timeline = RelayTimeline.sampler(run.clock(), admin, log.counters()).start(Duration.ofSeconds(1));
    } catch (RuntimeException e) {
      run.aborted(e);
      throw e;
    }
  }

  @Override
  public void after() {
    try {
      timeline.close();
      List<RolloutEventView> changes = Rollouts.events(rig.admin()).stream()
          .filter(RolloutEventView::changesWeight).toList();
      changes.forEach(e -> run.event(run.clock().msAtEpoch(e.epochMs()), e.type().toLowerCase(Locale.ROOT),
          "phase " + e.phase() + ", green " + e.greenWeight()));
      List<Observation> measured = log.measured();
      GateEvaluation eval = new GateEvaluation()
          .isTrue("reached_promoted", changes.stream().anyMatch(e -> e.is("PROMOTED")),
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
      control.failures().forEach(f -> eval.isTrue("control_ok", false, "every control step to succeed: " + f));
      run.percentilesMs(log.latency().percentilesMs());
      run.timeline(timeline.samples());
      run.finish(eval);
    } catch (RuntimeException e) {
      run.aborted(e);
    } finally {
      control.close();
      rig.close();
    }
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
        long t = run.clock().epochMsAt(o.startNanos());
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

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
