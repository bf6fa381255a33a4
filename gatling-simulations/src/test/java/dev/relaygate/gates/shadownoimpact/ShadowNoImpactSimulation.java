package dev.relaygate.gates.shadownoimpact;

import static io.gatling.javaapi.core.CoreDsl.details;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.LatencyRecorder;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.load.JsonLoadGate;
import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
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
public class ShadowNoImpactSimulation extends JsonLoadGate {

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

  /** [start nanos, end nanos, shadow?] per block, filled as the switches return. */
  private final List<long[]> blocks = new ArrayList<>();

  public ShadowNoImpactSimulation() {
    super(PROPS, WARMUP_SECONDS);
    jsonLoad(RATE, BLOCK_SECONDS * BLOCKS)
        .assertions(details("chat").failedRequests().percent().lt(FAILED_RATIO_BELOW * 100));
  }

  @Override
  protected String claim() {
    return "Green " + GREEN_ADDED_MS + " ms slow; " + BLOCKS + " alternating " + BLOCK_SECONDS
        + " s blocks of blue-only and shadow mode at " + RATE + " req/s: shadow p99 within " + P99_MARGIN_MS
        + " ms of blue-only p99, no client answered by green.";
  }

  @Override
  protected GateRig startRig() {
    ProfileSettings slow = ProfileSettings.healthy().withProfile(Profile.SLOW).withAddedLatencyMs((int) GREEN_ADDED_MS);
    return GateRig.start(ProfileSettings.healthy(), slow, UnaryOperator.identity());
  }

  /** The clients' per-second view: the blocks, not the relay's counters, are what this gate compares. */
  @Override
  protected boolean samplesRelay() {
    return false;
  }

  @Override
  protected void choreograph(AdminClient admin) {
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
          requireOk(r, "PATCH /v1/routing/policy");
          run().event(shadow ? "shadow_on" : "shadow_off", "switch took " + r.tookMs() + " ms");
        }
        synchronized (blocks) {
          blocks.add(new long[] {System.nanoTime(), Long.MAX_VALUE, shadow ? 1 : 0});
        }
      });
    }
  }

  @Override
  protected void evaluate(GateEvaluation eval, List<Observation> measured) {
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
    long greenReceived = rig().green().counts().total();
    eval.atMost("p99_increase_ms", increase, "p99_increase_max_ms", P99_MARGIN_MS)
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
    JsonNode summary = rig().admin().status().body().path("shadow");
    summary.properties().forEach(f -> {
      if (f.getValue().isNumber()) {
        eval.measured("shadow_" + f.getKey(), f.getValue().numberValue());
      }
    });
    run().percentilesMs(shadow.percentilesMs());
    run().series("blue_only_ms", blueOnly.percentilesMs());
    run().series("shadow_ms", shadow.percentilesMs());
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
