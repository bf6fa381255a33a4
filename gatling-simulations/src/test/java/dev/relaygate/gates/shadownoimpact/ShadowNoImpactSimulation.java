package dev.relaygate.gates.shadownoimpact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.LatencyRecorder;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.Settle;
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
 * the blue-only blocks', no client may be answered by green, green's provider must receive at least 95% of
 * the copies the relay should have mirrored, and the relay's shadow summary is reported.
 */
public class ShadowNoImpactSimulation extends JsonLoadGate {

    static final String GATE = "shadow-no-impact";
    static final GateProperties PROPS = GateProperties.of(GATE);
    static final double RATE = PROPS.decimal("rate_per_sec", 200);
    static final long WARMUP_SECONDS = PROPS.integer("warmup_seconds", 12, 6);
    static final long BLOCK_SECONDS = PROPS.integer("block_seconds", 8, 4);
    static final long BLOCKS = PROPS.integer("blocks", 4, 4);
    static final long GREEN_ADDED_MS = PROPS.integer("green_added_latency_ms", 500);
    static final double P99_MARGIN_MS = PROPS.upperLimit("p99_increase_max_ms", 50);
    static final double FAILED_RATIO_BELOW = PROPS.upperLimit("failed_ratio_below", 0.001);
    /** Of the copies the relay should mirror (blue's answers in shadow blocks, less counted drops). */
    static final double MIN_MIRRORED_SHARE = PROPS.lowerLimit("min_mirrored_share", 0.95);
    /** The relay's {@code shadow.sample_rate} (the bundled relay's default mirrors every answer). */
    static final double SAMPLE_RATE = PROPS.decimal("sample_rate", 1.0);

    static final long GUARD_MS = PROPS.integer("block_guard_ms", 250);

    static final String SHADOW = "{\"routing\":{\"strategy\":\"shadow\",\"weights\":{\"blue\":100,\"green\":0}}}";
    static final String BLUE_ONLY = "{\"routing\":{\"strategy\":\"weighted\",\"weights\":{\"blue\":100,\"green\":0}}}";

    /** [start nanos, end nanos, shadow?] per block, filled as the switches return. */
    private final List<long[]> blocks = new ArrayList<>();

    public ShadowNoImpactSimulation() {
        super(PROPS, WARMUP_SECONDS);
        jsonLoad(RATE, BLOCK_SECONDS * BLOCKS);
    }

    @Override
    protected String claim() {
        return "Green " + GREEN_ADDED_MS + " ms slow; " + BLOCKS + " alternating " + BLOCK_SECONDS
                + " s blocks of blue-only and shadow mode at " + RATE + " req/s: shadow p99 within " + P99_MARGIN_MS
                + " ms of blue-only p99, no client answered by green.";
    }

    @Override
    protected GateRig startRig() {
        ProfileSettings slow =
                ProfileSettings.healthy().withProfile(Profile.SLOW).withAddedLatencyMs((int) GREEN_ADDED_MS);
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
        long shadowBlueAnswers = 0;
        synchronized (blocks) {
            for (long[] block : blocks) {
                long lo = block[0] + GUARD_MS * 1_000_000L;
                long hi = block[1] == Long.MAX_VALUE ? Long.MAX_VALUE : block[1] - GUARD_MS * 1_000_000L;
                LatencyRecorder into = block[2] == 1 ? shadow : blueOnly;
                measured.stream()
                        .filter(o -> o.answered() && within(o, lo, hi))
                        .forEach(o -> into.recordMillis(o.latencyMs()));
                if (block[2] == 1) {
                    // every blue answer of a shadow block is mirrored, guard band or not
                    shadowBlueAnswers += measured.stream()
                            .filter(o -> !o.failed() && o.servedBy("blue") && within(o, block[0], block[1]))
                            .count();
                }
            }
        }
        JsonNode summary = rig().admin().status().body().path("shadow");
        // green answers each copy 500 ms late and its mock counts a request once answered: wait for the count
        long greenReceived =
                Settle.counter(() -> rig().green().counts().total(), Duration.ofMillis(700), Duration.ofSeconds(10));
        new ShadowNoImpactChecks(P99_MARGIN_MS, FAILED_RATIO_BELOW, SAMPLE_RATE, MIN_MIRRORED_SHARE)
                .evaluate(
                        eval,
                        new ShadowNoImpactChecks.Observed(
                                blueOnly,
                                shadow,
                                measured.stream()
                                        .filter(o -> o.servedBy("green"))
                                        .count(),
                                shadowBlueAnswers,
                                summary.path("dropped").asLong(0),
                                greenReceived,
                                ObservationLog.failedRatio(measured)));
        summary.properties().forEach(f -> {
            if (f.getValue().isNumber()) {
                eval.measured("shadow_" + f.getKey(), f.getValue().numberValue());
            }
        });
        run().percentilesMs(shadow.percentilesMs());
        run().series("blue_only_ms", blueOnly.percentilesMs());
        run().series("shadow_ms", shadow.percentilesMs());
    }

    private static boolean within(Observation o, long loNanos, long hiNanos) {
        return o.startNanos() - loNanos >= 0 && (hiNanos == Long.MAX_VALUE || o.startNanos() - hiNanos < 0);
    }
}
