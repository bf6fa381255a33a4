package dev.relaygate.gates.shadownoimpact;

import static io.gatling.javaapi.core.CoreDsl.details;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.Choreography;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.GateRun;
import dev.relaygate.gates.LatencyRecorder;
import dev.relaygate.gates.LoadPhases;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.PerSecond;
import dev.relaygate.gates.load.ChatTraffic;
import dev.relaygate.gates.load.JsonLoad;
import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Gate {@code shadow-no-impact}: with green 500 ms slow, shadow mode (blue serves, green gets a mirrored
 * copy) must not slow clients down. Blue-only and shadow blocks alternate (A B A B) in one run so a drift
 * in the machine's load lands on both; the shadow blocks' client p99 must stay within a small margin of
 * the blue-only blocks', no client may be answered by green, and the relay's shadow summary is reported.
 */
public class ShadowNoImpactSimulation extends Simulation {

  static final String GATE = "shadow-no-impact";
  static final GateProperties PROPS = GateProperties.of(GATE);
  static final double RATE = PROPS.decimal("rate_per_sec", 200);
  static final long WARMUP_SECONDS = PROPS.integer("warmup_seconds", 12, 6);
  static final long BLOCK_SECONDS = PROPS.integer("block_seconds", 8, 4);
  static final long BLOCKS = PROPS.integer("blocks", 4, 4);
  static final long GREEN_ADDED_MS = PROPS.integer("green_added_latency_ms", 500);
  static final double P99_MARGIN_MS = PROPS.decimal("p99_increase_max_ms", 50);
  static final double FAILED_RATIO_BELOW = PROPS.decimal("failed_ratio_below", 0.001);
  static final long GUARD_MS = PROPS.integer("block_guard_ms", 250);

  static final String SHADOW = "{\"routing\":{\"strategy\":\"shadow\",\"weights\":{\"blue\":100,\"green\":0}}}";
  static final String BLUE_ONLY = "{\"routing\":{\"strategy\":\"weighted\",\"weights\":{\"blue\":100,\"green\":0}}}";

  private final ObservationLog log = new ObservationLog();
  private final Choreography control = new Choreography();
  private final LoadPhases phases = new LoadPhases(Duration.ofSeconds(WARMUP_SECONDS));
  /** [start nanos, end nanos, shadow?] per block, filled as the switches return. */
  private final List<long[]> blocks = new ArrayList<>();
  private volatile GateRig rig;
  private GateRun run;

  {
    setUp(JsonLoad.populations(RATE, WARMUP_SECONDS, BLOCK_SECONDS * BLOCKS, () -> rig, log, phases, control))
        .protocols(ChatTraffic.protocol())
        .assertions(details("chat").failedRequests().percent().lt(FAILED_RATIO_BELOW * 100));
  }

  @Override
  public void before() {
    run = new GateRun(GATE, "Green " + GREEN_ADDED_MS + " ms slow; " + BLOCKS + " alternating " + BLOCK_SECONDS
        + " s blocks of blue-only and shadow mode at " + RATE + " req/s: shadow p99 within " + P99_MARGIN_MS
        + " ms of blue-only p99, no client answered by green.", getClass(), PROPS);
    try {
      ProfileSettings slow = ProfileSettings.healthy().withProfile(Profile.SLOW)
          .withAddedLatencyMs((int) GREEN_ADDED_MS);
      rig = GateRig.start(ProfileSettings.healthy(), slow, UnaryOperator.identity());
      AdminClient admin = rig.admin();
      for (int b = 0; b <= BLOCKS; b++) {
        boolean shadow = b % 2 == 1;
        boolean last = b == BLOCKS;
        int index = b;
        control.at(Duration.ofSeconds(WARMUP_SECONDS + b * BLOCK_SECONDS), last ? "end" : "block " + b, () -> {
          long now = System.nanoTime();
          synchronized (blocks) {
            if (!blocks.isEmpty()) {
              blocks.get(blocks.size() - 1)[1] = now;
            }
          }
          if (last) {
            return;
          }
          if (index > 0) {
            AdminClient.Reply r = admin.patchPolicy(shadow ? SHADOW : BLUE_ONLY);
            if (!r.ok()) {
              throw new IllegalStateException("PATCH /v1/routing/policy answered " + r.status() + ": " + r.body());
            }
            run.event(shadow ? "shadow_on" : "shadow_off", "switch took " + r.tookMs() + " ms");
          }
          synchronized (blocks) {
            blocks.add(new long[] {System.nanoTime(), Long.MAX_VALUE, shadow ? 1 : 0});
          }
        });
      }
    } catch (RuntimeException e) {
      run.aborted(e);
      throw e;
    }
  }

  @Override
  public void after() {
    try {
      List<Observation> measured = log.measured();
      LatencyRecorder blueOnly = new LatencyRecorder();
      LatencyRecorder shadow = new LatencyRecorder();
      synchronized (blocks) {
        for (long[] block : blocks) {
          long lo = block[0] + GUARD_MS * 1_000_000L;
          long hi = block[1] == Long.MAX_VALUE ? Long.MAX_VALUE : block[1] - GUARD_MS * 1_000_000L;
          LatencyRecorder into = block[2] == 1 ? shadow : blueOnly;
          measured.stream().filter(o -> o.startNanos() - lo >= 0 && (hi == Long.MAX_VALUE || o.startNanos() - hi < 0))
              .forEach(o -> into.recordMillis(o.latencyMs()));
        }
      }
      Double p99Blue = blueOnly.percentilesMs().get("p99");
      Double p99Shadow = shadow.percentilesMs().get("p99");
      Double increase = p99Blue == null || p99Shadow == null ? null : round(p99Shadow - p99Blue);
      long greenAnswered = measured.stream().filter(o -> o.servedBy("green")).count();
      long greenReceived = rig.green().counts().total();
      GateEvaluation eval = new GateEvaluation()
          .atMost("p99_increase_ms", increase, "p99_increase_max_ms", P99_MARGIN_MS)
          .atMost("clients_answered_by_green", (double) greenAnswered, "clients_answered_by_green_max", 0)
          // green's mock also answers the relay's health checks and key validation (a few per minute):
          // mirrored traffic must stand out from those, at least 1% of the shadow blocks' requests
          .atLeast("green_requests_received", (double) greenReceived, "min_green_requests_received",
              Math.max(10, Math.ceil(shadow.count() * 0.01)))
          .below("failed_ratio", ObservationLog.failedRatio(measured), "failed_ratio_below", FAILED_RATIO_BELOW)
          .measured("blue_only_p99_ms", p99Blue)
          .measured("shadow_p99_ms", p99Shadow)
          .measured("blue_only_requests", blueOnly.count())
          .measured("shadow_requests", shadow.count());
      JsonNode summary = rig.admin().status().body().path("shadow");
      summary.properties().forEach(f -> {
        if (f.getValue().isNumber()) {
          eval.measured("shadow_" + f.getKey(), f.getValue().numberValue());
        }
      });
      control.failures().forEach(f -> eval.isTrue("control_ok", false, "every control step to succeed: " + f));
      run.percentilesMs(shadow.percentilesMs());
      run.series("blue_only_ms", blueOnly.percentilesMs());
      run.series("shadow_ms", shadow.percentilesMs());
      run.timeline(PerSecond.of(measured, run.clock()));
      run.finish(eval);
    } catch (RuntimeException e) {
      run.aborted(e);
    } finally {
      control.close();
      rig.close();
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
