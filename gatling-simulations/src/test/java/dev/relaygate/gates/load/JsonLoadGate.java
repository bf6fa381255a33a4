package dev.relaygate.gates.load;

import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.PerSecond;
import dev.relaygate.gates.RelayTimeline;
import dev.relaygate.gates.RolloutEventView;
import dev.relaygate.gates.Rollouts;
import dev.relaygate.gates.Settle;
import dev.relaygate.gates.TimelineSampler;
import dev.relaygate.gates.UpstreamAttribution;
import dev.relaygate.gates.relays.Need;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A gate driven by chat-completion load at one arrival rate ({@link JsonLoad}): the base keeps the
 * observation log and load phases, samples the relay's own per-second view for the timeline, and hands
 * the gate its measured observations to judge.
 */
public abstract class JsonLoadGate extends GateSimulation {

    /** How long a control step waits at most for the warm-up queue to drain, and the p99 that counts as drained. */
    private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(20);

    private static final double SETTLED_P99_MS = 100;

    protected final ObservationLog log = new ObservationLog();
    private final long warmupSeconds;
    private TimelineSampler timeline;

    protected JsonLoadGate(GateProperties props, long warmupSeconds) {
        super(props, Duration.ofSeconds(warmupSeconds));
        this.warmupSeconds = warmupSeconds;
    }

    /**
     * Most JSON gates steer relaygate's rollout and inject faults into the upstreams: they need its admin API
     * and a relay on the harness's mocks.
     */
    @Override
    protected Set<Need> needs() {
        return Set.of(Need.RELAYGATE_ADMIN, Need.HARNESS_UPSTREAMS);
    }

    /** Schedules the gate's control steps on {@link #control}, at offsets from the start of injection. */
    protected abstract void choreograph(AdminClient admin);

    /**
     * Whether to sample the relay's admin view once a second for the timeline. Without it the timeline is
     * the clients' per-second view, which also works against a relay we do not control.
     */
    protected boolean samplesRelay() {
        return true;
    }

    /**
     * Adds the gate's checks and figures. Defaults set before it runs (overall client percentiles, the
     * timeline) may be replaced through {@link #run()}.
     */
    protected abstract void evaluate(GateEvaluation eval, List<Observation> measured);

    /** The load (warm-up, then at most {@code measureSeconds}) with the control scenario, on the chat protocol. */
    protected final SetUp jsonLoad(double ratePerSec, long measureSeconds) {
        return setUp(JsonLoad.populations(
                        ratePerSec, warmupSeconds, measureSeconds, this::rig, relaySpec, log, phases, control))
                .protocols(ChatTraffic.protocol());
    }

    @Override
    protected final void prepare(GateRig rig) {
        choreograph(rig.admin());
        if (samplesRelay()) {
            timeline = RelayTimeline.sampler(run().clock(), rig.admin(), log.counters())
                    .start(Duration.ofSeconds(1));
        }
    }

    @Override
    protected final void evaluate(GateEvaluation eval) {
        release();
        List<Observation> measured = log.measured();
        run().percentilesMs(log.latency().percentilesMs());
        run().timeline(timeline != null ? timeline.samples() : PerSecond.of(measured, run().clock()));
        evaluate(eval, measured);
        UpstreamAttribution.checkRelayHeader(eval, measured);
    }

    @Override
    protected final void release() {
        if (timeline != null) {
            timeline.close();
        }
    }

    /**
     * Blocks (on the control thread) until the warm-up queue has drained, records how long that took as the
     * {@code settled} event, and returns it in ms.
     */
    protected final long awaitSettled() {
        long waited = Settle.await(log, SETTLED_P99_MS, SETTLE_AT_MOST);
        run().event("settled", "load settled " + waited + " ms after the warm-up");
        return waited;
    }

    /**
     * Starts a rollout with the vendor playbook's thresholds (error rate 1%, p99 200 ms, p99 difference 50 ms) and
     * records it as the {@code rollout_started} event.
     */
    protected final void startPlaybookRollout(AdminClient admin, long increment, long intervalSeconds) {
        Rollouts.start(admin, Rollouts.playbookBody((int) increment, intervalSeconds, 0.01, 200, 50));
        run().event("rollout_started", "increment " + increment + ", interval " + intervalSeconds + " s");
    }

    /** The longest {@link #awaitSettled()} may wait, for sizing the load's measured phase. */
    protected static long settleAllowanceSeconds() {
        return SETTLE_AT_MOST.toSeconds();
    }

    /** The relay's rollout events; those that change green's weight are also recorded as gate events. */
    protected final List<RolloutEventView> rolloutEvents() {
        List<RolloutEventView> events = Rollouts.events(rig().admin());
        events.stream()
                .filter(RolloutEventView::changesWeight)
                .forEach(e -> run().event(
                                run().clock().msAtEpoch(e.epochMs()),
                                e.type().toLowerCase(Locale.ROOT),
                                "phase " + e.phase() + ", green " + e.greenWeight()
                                        + (e.message().isEmpty() ? "" : ": " + e.message())));
        return events;
    }
}
