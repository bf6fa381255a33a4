package dev.relaygate.gates.healthynorollback;

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
import dev.relaygate.gates.TimelineSampler;
import dev.relaygate.gates.load.ChatTraffic;
import dev.relaygate.gates.load.JsonLoad;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Gate {@code healthy-no-rollback}: a canary whose green stays healthy for the whole run must never be
 * rolled back (the judge's false-rollback guard under repeated looks), with failed < 0.1%.
 */
public class HealthyNoRollbackSimulation extends Simulation {

  static final String GATE = "healthy-no-rollback";
  static final GateProperties PROPS = GateProperties.of(GATE);
  static final double RATE = PROPS.decimal("rate_per_sec", 200);
  static final long WARMUP_SECONDS = PROPS.integer("warmup_seconds", 12, 6);
  static final long CANARY_SECONDS = PROPS.integer("canary_seconds", 35, 15);
  static final long INCREMENT = PROPS.integer("increment", 10);
  static final long INTERVAL_SECONDS = PROPS.integer("interval_seconds", 10, 4);
  static final double FAILED_RATIO_BELOW = PROPS.decimal("failed_ratio_below", 0.001);

  private final ObservationLog log = new ObservationLog();
  private final Choreography control = new Choreography();
  private final LoadPhases phases = new LoadPhases(Duration.ofSeconds(WARMUP_SECONDS));
  private volatile GateRig rig;
  private GateRun run;
  private TimelineSampler timeline;

  {
    // at most: a 20 s settle wait, the canary, a margin; the control step stops the load after the canary
    setUp(JsonLoad.populations(RATE, WARMUP_SECONDS, 20 + CANARY_SECONDS + 5, () -> rig, log, phases, control))
        .protocols(ChatTraffic.protocol())
        .assertions(details("chat").failedRequests().percent().lt(FAILED_RATIO_BELOW * 100));
  }

  @Override
  public void before() {
    run = new GateRun(GATE, "A healthy green rolled out by " + INCREMENT + " every " + INTERVAL_SECONDS + " s for "
        + CANARY_SECONDS + " s at " + RATE + " req/s: no rollback, failed < " + FAILED_RATIO_BELOW * 100 + "%.",
        getClass(), PROPS);
    try {
      rig = GateRig.start();
      AdminClient admin = rig.admin();
      control.at(Duration.ofSeconds(WARMUP_SECONDS), "start the rollout", () -> {
        long waited = Settle.await(log, 100, Duration.ofSeconds(20));
        run.event("settled", "load settled after " + waited + " ms more");
        Rollouts.start(admin, Rollouts.seedBody((int) INCREMENT, INTERVAL_SECONDS, 0.01, 200, 50));
        run.event("rollout_started", "increment " + INCREMENT + ", interval " + INTERVAL_SECONDS + " s");
        try {
          Thread.sleep(CANARY_SECONDS * 1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
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
      List<RolloutEventView> events = Rollouts.events(rig.admin());
      List<RolloutEventView> changes = events.stream().filter(RolloutEventView::changesWeight).toList();
      changes.forEach(e -> run.event(run.clock().msAtEpoch(e.epochMs()), e.type().toLowerCase(Locale.ROOT),
          "phase " + e.phase() + ", green " + e.greenWeight() + (e.message().isEmpty() ? "" : ": " + e.message())));
      List<Observation> measured = log.measured();
      long rollbacks = changes.stream().filter(e -> e.is("ROLLED_BACK")).count();
      GateEvaluation eval = new GateEvaluation()
          .isTrue("rollout_started", changes.stream().anyMatch(e -> e.is("STARTED")), "the rollout to have started")
          .atMost("rollbacks", (double) rollbacks, "rollbacks_max", 0)
          .below("failed_ratio", ObservationLog.failedRatio(measured), "failed_ratio_below", FAILED_RATIO_BELOW)
          .measured("requests", (long) measured.size())
          .measured("green_served", measured.stream().filter(o -> o.servedBy("green")).count())
          .measured("final_green_weight", changes.isEmpty() ? 0 : changes.get(changes.size() - 1).greenWeight())
          .measured("verdicts", events.stream().filter(e -> e.is("VERDICT")).count());
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
}
