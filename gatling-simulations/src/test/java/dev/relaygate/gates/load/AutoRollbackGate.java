package dev.relaygate.gates.load;

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
import dev.relaygate.gates.Settle;
import dev.relaygate.gates.Rollouts;
import dev.relaygate.gates.TimelineSampler;
import dev.relaygate.mock.ProfileSettings;
import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The two automatic-rollback gates share one run shape: a canary at a fixed green weight under constant
 * load, green degraded at a recorded instant, the relay's judge expected to roll back within the seed's
 * 30 s, then a short watch that nothing sends traffic back to green. The load stops early once that
 * watch is over, so a fast rollback makes a short gate.
 */
public final class AutoRollbackGate {

  private final String gate;
  private final GateProperties props;
  private final String faultName;
  private final BiFunction<GateProperties, ProfileSettings, ProfileSettings> fault;
  private final double rate;
  private final long warmupSeconds;
  private final long healthySeconds;
  private final long canaryPercent;
  private final double rollbackWithinMs;
  private final long watchSeconds;
  private final long graceMs;
  private final ObservationLog log = new ObservationLog();
  private final Choreography control = new Choreography();
  private final LoadPhases phases;
  private volatile GateRig rig;
  private GateRun run;
  private TimelineSampler timeline;
  private volatile long onsetEpochMs;
  private volatile RolloutEventView rollback;

  /** {@code fault} turns green's current profile into the degraded one, reading its size from the properties. */
  public AutoRollbackGate(String gate, String faultName,
      BiFunction<GateProperties, ProfileSettings, ProfileSettings> fault) {
    this.gate = gate;
    this.props = GateProperties.of(gate);
    this.faultName = faultName;
    this.fault = fault;
    this.rate = props.decimal("rate_per_sec", 200);
    this.warmupSeconds = props.integer("warmup_seconds", 12, 6);
    this.healthySeconds = props.integer("healthy_seconds", 15, 5);
    this.canaryPercent = props.integer("canary_percent", 10);
    this.rollbackWithinMs = props.decimal("rollback_within_ms", 30_000);
    this.watchSeconds = props.integer("watch_after_rollback_seconds", 10, 3);
    // requests already in flight when the rollback lands may still finish on green
    this.graceMs = props.integer("in_flight_grace_ms", 1_000);
    this.phases = new LoadPhases(Duration.ofSeconds(warmupSeconds));
  }

  public GateProperties properties() {
    return props;
  }

  /**
   * The longest the load may run: warm-up, settle wait (at most 20 s), healthy canary, the whole rollback
   * allowance and the watch; it normally stops soon after the watch.
   */
  public List<PopulationBuilder> populations() {
    long measure = 20 + healthySeconds + (long) Math.ceil(rollbackWithinMs / 1000) + watchSeconds + 5;
    return JsonLoad.populations(rate, warmupSeconds, measure, () -> rig, log, phases, control);
  }

  public void before(Class<?> simulation) {
    run = new GateRun(gate, "A " + canaryPercent + "% canary at " + rate + " req/s; after " + healthySeconds
        + " s green gets " + faultName + "; the relay must roll back within " + (long) rollbackWithinMs
        + " ms of the fault onset, client failures stay bounded and nothing returns traffic to green.",
        simulation, props);
    try {
      rig = GateRig.start();
      AdminClient admin = rig.admin();
      // one sequential control step: a settle wait must not let the fault fire without a healthy canary
      control.at(Duration.ofSeconds(warmupSeconds), "canary, fault, watch", () -> {
        long waited = Settle.await(log, 100, Duration.ofSeconds(20));
        run.event("settled", "load settled after " + waited + " ms more");
        Rollouts.start(admin, Rollouts.seedBody((int) canaryPercent, 3600, 0.01, 200, 50));
        run.event("rollout_started", "increment " + canaryPercent + ", interval 3600 s");
        sleep(healthySeconds * 1000);
        onsetEpochMs = rig.green().switchProfileAt(fault.apply(props, rig.green().profile()));
        run.event(run.clock().msAtEpoch(onsetEpochMs), "fault_onset", "green: " + faultName);
        watchForRollback(admin);
      });
      timeline = RelayTimeline.sampler(run.clock(), admin, log.counters()).start(Duration.ofSeconds(1));
    } catch (RuntimeException e) {
      run.aborted(e);
      throw e;
    }
  }

  /** Polls the events twice a second until the rollback (or the allowance) passes, then ends the load. */
  private void watchForRollback(AdminClient admin) {
    long deadline = onsetEpochMs + (long) rollbackWithinMs + 5_000;
    while (System.currentTimeMillis() < deadline) {
      RolloutEventView rb = Rollouts.first(Rollouts.events(admin), "ROLLED_BACK", onsetEpochMs - 60_000);
      if (rb != null) {
        rollback = rb;
        break;
      }
      sleep(500);
    }
    sleep(watchSeconds * 1000);
    phases.requestStop();
  }

  /**
   * Adds the rollback figures to {@code eval}; {@code extra} adds the gate's own client-side checks
   * (given all measured observations and the rollback's epoch ms, or -1 without rollback).
   */
  public void after(BiConsumer<GateEvaluation, Long> extra) {
    try {
      timeline.close();
      List<RolloutEventView> events = Rollouts.events(rig.admin());
      events.stream().filter(RolloutEventView::changesWeight).forEach(e -> run.event(
          run.clock().msAtEpoch(e.epochMs()), e.type().toLowerCase(java.util.Locale.ROOT),
          "phase " + e.phase() + ", green " + e.greenWeight() + (e.message().isEmpty() ? "" : ": " + e.message())));
      RolloutEventView rb = Rollouts.first(events, "ROLLED_BACK", 0);
      GateEvaluation eval = new GateEvaluation();
      eval.isTrue("fault_injected", onsetEpochMs > 0, "the fault to have been injected");
      boolean falseRollback = rb != null && onsetEpochMs > 0 && rb.epochMs() < onsetEpochMs;
      eval.isTrue("no_rollback_before_fault", !falseRollback, "no rollback while green was still healthy");
      Double after = rb == null || onsetEpochMs == 0 || falseRollback ? null : (double) (rb.epochMs() - onsetEpochMs);
      eval.atMost("rollback_after_ms", after, "rollback_within_ms", rollbackWithinMs);
      long rbEpoch = rb == null ? -1 : rb.epochMs();
      long regreens = rb == null ? 0 : events.stream()
          .filter(e -> e.changesWeight() && e.epochMs() > rb.epochMs() && e.greenWeight() > 0).count();
      eval.atMost("green_raised_after_rollback", (double) regreens, "green_raised_after_rollback_max", 0);
      List<Observation> measured = log.measured();
      long greenAfter = rbEpoch < 0 ? 0 : measured.stream()
          .filter(o -> run.clock().epochMsAt(o.startNanos()) > rbEpoch + graceMs && o.servedBy("green")).count();
      eval.atMost("green_served_after_rollback", (double) greenAfter, "green_served_after_rollback_max", 0);
      eval.measured("requests", (long) measured.size())
          .measured("client_errors", measured.stream().filter(Observation::failed).count())
          .measured("green_served", measured.stream().filter(o -> o.servedBy("green")).count())
          .measured("rollback_evidence", rb == null ? null : rb.message());
      extra.accept(eval, rbEpoch);
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

  public ObservationLog log() {
    return log;
  }

  public GateRun run() {
    return run;
  }

  public double rate() {
    return rate;
  }

  public long canaryPercent() {
    return canaryPercent;
  }

  public double rollbackWithinMs() {
    return rollbackWithinMs;
  }

  public long graceMs() {
    return graceMs;
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
