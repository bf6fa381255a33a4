package dev.relaygate.relay.rollout;

import dev.relaygate.relay.config.TrafficShiftSettings;
import dev.relaygate.relay.judge.CanaryJudge;
import dev.relaygate.relay.judge.Decision;
import dev.relaygate.relay.judge.IntervalSlice;
import dev.relaygate.relay.judge.JudgeMode;
import dev.relaygate.relay.judge.Verdict;
import dev.relaygate.relay.judge.Window;
import dev.relaygate.relay.judge.WindowBuffer;
import dev.relaygate.relay.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Drives a stepped rollout: {@link #tick()} (called by the wiring every {@code evaluation_interval_ms})
 * takes the interval, judges the window and advances, holds or rolls back.
 *
 * <p>Threading: {@link #tick()} runs on one timer thread and is the only reader of the interval
 * histograms and of the window buffer. Operator calls ({@link #start}, {@link #cancel},
 * {@link #rollbackManually}, {@link #reset}, {@link #completeSwap}) may come from any thread. All
 * state lives in one {@link AtomicReference} swapped with {@code getAndUpdate} (resilience4j's state
 * machine): a transition computed from a state that changed meanwhile is recomputed or dropped, so a
 * rollback fires once and a late step can never undo it. Side effects (weights, state file) run after
 * the swap under one lock and always apply the latest state; events are published after that. These
 * calls write the state file: run them off the event loop.
 */
public final class RolloutController {

    private final AtomicReference<RolloutState> state;
    private final IntervalSource source;
    private final TrafficControl traffic;
    private final Clock clock;
    private final EventTimeline timeline;
    private final StateFile stateFile;
    private final Supplier<UpstreamRoles> roles;
    private final Supplier<PersistedRouting> routing;
    private final Object effectsLock = new Object();
    private final Supplier<String> advanceHold;
    private final boolean savesOnChange;
    private WindowBuffer buffer = new WindowBuffer();
    private volatile Verdict lastVerdict;
    private Decision lastDecision;
    private String lastHold;
    private CanaryJudge judge;

    /** @param stateFile where phase and weights persist; null keeps them in memory only */
    public RolloutController(
            IntervalSource source, TrafficControl traffic, Clock clock, EventTimeline timeline, StateFile stateFile) {
        this(source, traffic, clock, timeline, stateFile, () -> null, () -> null, ControllerMode.ALONE);
    }

    /**
     * @param stateFile where phase and weights persist; null keeps them in memory only
     * @param roles     the upstream roles right now, saved with every state (after {@code promote --swap}
     *                  they are the config's reversed); its value may be null when not known
     * @param routing   the routing in force right now, saved with every state; its value is null while the
     *                  routing is still the config's
     * @param mode      alone, or the leader of a fleet (see {@link ControllerMode})
     */
    public RolloutController(
            IntervalSource source,
            TrafficControl traffic,
            Clock clock,
            EventTimeline timeline,
            StateFile stateFile,
            Supplier<UpstreamRoles> roles,
            Supplier<PersistedRouting> routing,
            ControllerMode mode) {
        this.advanceHold = mode.advanceHold();
        this.savesOnChange = mode.savesOnChange();
        this.roles = Objects.requireNonNull(roles, "roles");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.source = Objects.requireNonNull(source, "source");
        this.traffic = Objects.requireNonNull(traffic, "traffic");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.stateFile = stateFile;
        RolloutState restored = StateRestorer.restore(stateFile, clock.currentTimeMillis());
        this.state = new AtomicReference<>(restored);
        if (restored.phase() != Phase.STABLE) {
            applyEffects(EventType.RESTORED, restored, restored, "restored from " + stateFile.path(), null);
        }
    }

    public RolloutState state() {
        return state.get();
    }

    /**
     * Writes the current state, roles and routing to the state file now, if there is one. Every operator
     * decision calls this before it is answered, so a crash right after the answer keeps the decision.
     */
    public void saveState() {
        if (stateFile == null) {
            return;
        }
        synchronized (effectsLock) {
            stateFile.save(PersistedState.of(state.get(), clock.currentTimeMillis(), roles.get(), routing.get()));
        }
    }

    /** The judge's latest verdict, if a rollout was ever judged. */
    public Optional<Verdict> lastVerdict() {
        return Optional.ofNullable(lastVerdict);
    }

    /** A fleet member that does not lead shows the leader's latest verdict as its own. */
    public void adoptVerdict(Verdict verdict) {
        lastVerdict = Objects.requireNonNull(verdict, "verdict");
    }

    public EventTimeline timeline() {
        return timeline;
    }

    /**
     * Starts a rollout from STABLE: SHADOW first, or straight to CANARY at green = increment.
     *
     * @throws IllegalTransitionException when not STABLE (after a rollback, {@link #reset} first)
     */
    public RolloutState start(TrafficShiftSettings settings, boolean shadowFirst) {
        Objects.requireNonNull(settings, "settings");
        long now = clock.currentTimeMillis();
        return swap(
                        EventType.STARTED,
                        s -> shadowFirst ? s.withShadow(settings, now) : s.withFirstStep(settings, now),
                        "rollout started (increment " + settings.increment() + ", interval_seconds "
                                + settings.intervalSeconds() + ")",
                        null)
                .to();
    }

    /** One evaluation: take the interval, judge the window, then advance, hold or roll back. */
    public void tick() {
        long now = clock.currentTimeMillis();
        RolloutState s = state.get();
        TrafficShiftSettings settings = s.settings() != null ? s.settings() : TrafficShiftSettings.defaults();
        buffer.add(source.take(settings.validationThreshold().count429AsError()));
        Window window = buffer.window(Math.max(now - settings.windowMillis(), s.stepStartedAtMillis()));
        if (!s.phase().isLive()) {
            return;
        }
        Verdict v = judgeFor(settings).judge(window, mode(s.phase()), now);
        lastVerdict = v;
        if (v.decision() != lastDecision) {
            lastDecision = v.decision();
            timeline.publish(RolloutEvent.of(now, EventType.VERDICT, s, s, v.reason(), v));
        }
        // The decision's instant is when the verdict came out, after taking and judging the window (in a fleet that
        // includes reading every member's report): what the rollback evidence and the next step record.
        long decidedAt = clock.currentTimeMillis();
        if (v.decision() == Decision.BREACH) {
            rollback(true, v.reason(), v, decidedAt);
        } else if (v.decision() == Decision.HEALTHY
                && s.phase() != Phase.PROMOTED
                && now - s.stepStartedAtMillis() >= settings.intervalMillis()) {
            String hold = advanceHold.get();
            if (hold == null) {
                advance(s, v, decidedAt);
            } else if (!hold.equals(lastHold)) {
                timeline.publish(RolloutEvent.of(now, EventType.VERDICT, s, s, "healthy, but holding: " + hold, v));
            }
            lastHold = hold;
        }
    }

    /**
     * Takes a state decided elsewhere (another member of the fleet committed it) without side effects on
     * weights: the caller applies the routing that came with it. Publishes what changed to the timeline and
     * keeps the state file as the last state this member applied. Runs on the rollout thread.
     */
    public void adopt(RolloutState next, String message) {
        Objects.requireNonNull(next, "next");
        RolloutState previous = state.getAndSet(next);
        if (previous.equals(next)) {
            return;
        }
        long now = clock.currentTimeMillis();
        if (stateFile != null && savesOnChange) {
            synchronized (effectsLock) {
                stateFile.save(PersistedState.of(next, now, roles.get(), routing.get()));
            }
        }
        boolean changed = previous.phase() != next.phase()
                || previous.step() != next.step()
                || previous.greenWeight() != next.greenWeight();
        if (changed) {
            EventType type = next.phase() == Phase.ROLLED_BACK && previous.phase() != Phase.ROLLED_BACK
                    ? EventType.ROLLED_BACK
                    : EventType.CLUSTER_APPLIED;
            timeline.publish(RolloutEvent.of(now, type, previous, next, message, null));
        }
    }

    /**
     * Replaces the judge's window with {@code slices} (oldest first): a member that becomes the fleet's leader
     * continues from the window the fleet reported, not from an empty one.
     */
    public void rebuildWindow(List<IntervalSlice> slices) {
        WindowBuffer fresh = new WindowBuffer();
        slices.forEach(fresh::add);
        buffer = fresh;
    }

    /** Operator rollback: blue 100 / green 0 now. False when no rollout was live (nothing to undo). */
    public boolean rollbackManually(ManualChange cause) {
        return rollback(false, "manual rollback: " + cause.changedBy(), null, clock.currentTimeMillis());
    }

    /**
     * Operator traffic shift: stops a live rollout without touching weights (the operator sets them),
     * so the controller never raises green behind the operator's back. False when none was live.
     */
    public boolean cancel(ManualChange cause) {
        long now = clock.currentTimeMillis();
        Transition t = swap(
                EventType.CANCELLED,
                s -> s.phase().isLive() ? s.withStable(s.greenWeight(), now) : s,
                "cancelled: " + cause.changedBy(),
                null);
        return t.happened() && t.to().phase() == Phase.STABLE;
    }

    /** Operator reset after a rollback: ROLLED_BACK -> STABLE, green stays 0. */
    public RolloutState reset(ManualChange cause) {
        long now = clock.currentTimeMillis();
        return swap(EventType.RESET, s -> s.withStable(0, now), "reset: " + cause.changedBy(), null)
                .to();
    }

    /**
     * The promotion ended with roles swapped ({@code promote --swap}): PROMOTED -> STABLE. The new
     * green (the old blue) is idle; the wiring swaps the roles, so no weight is set here.
     */
    public RolloutState completeSwap(ManualChange cause) {
        long now = clock.currentTimeMillis();
        return swap(
                        EventType.SWAPPED,
                        s -> {
                            if (s.phase() != Phase.PROMOTED) {
                                throw new IllegalTransitionException(s.phase(), Phase.STABLE);
                            }
                            return s.withStable(0, now);
                        },
                        "roles swapped: " + cause.changedBy(),
                        null)
                .to();
    }

    private void advance(RolloutState observed, Verdict v, long now) {
        EventType type = observed.phase() == Phase.SHADOW
                ? EventType.SHADOW_PASSED
                : observed.greenWeight() + observed.settings().increment() >= 100
                        ? EventType.PROMOTED
                        : EventType.STEP_ADVANCED;
        swap(
                type,
                s -> s != observed
                        ? s
                        : s.phase() == Phase.SHADOW ? s.withFirstStep(s.settings(), now) : s.withNextStep(now),
                type.name().toLowerCase(Locale.ROOT) + " after a healthy step",
                v);
    }

    private boolean rollback(boolean automatic, String reason, Verdict v, long now) {
        Transition t = swap(
                EventType.ROLLED_BACK,
                s -> s.phase().isLive()
                        ? s.withRollback(
                                new RollbackEvidence(now, automatic, reason, v, s.phase(), s.step(), s.greenWeight()),
                                now)
                        : s,
                reason,
                v);
        return t.happened() && t.to().phase() == Phase.ROLLED_BACK;
    }

    /**
     * What one {@link #swap} did. Only the call whose update won the compare-and-set sees {@code from != to};
     * comparing against a state read before the swap would let two racing callers both claim the change.
     */
    private record Transition(RolloutState from, RolloutState to) {
        boolean happened() {
            return from != to;
        }
    }

    /** getAndUpdate with a side-effect-free function; effects and the event only if it changed something. */
    private Transition swap(EventType type, UnaryOperator<RolloutState> change, String message, Verdict v) {
        RolloutState[] next = new RolloutState[1];
        RolloutState previous = state.getAndUpdate(s -> next[0] = change.apply(s));
        Transition t = new Transition(previous, next[0]);
        if (t.happened()) {
            applyEffects(type, previous, next[0], message, v);
        }
        return t;
    }

    private void applyEffects(EventType type, RolloutState from, RolloutState to, String message, Verdict v) {
        synchronized (effectsLock) {
            // Apply the latest state, not `to`: a slower thread must not re-apply an older weight.
            RolloutState latest = state.get();
            if (latest.phase().isLive() || latest.phase() == Phase.ROLLED_BACK) {
                traffic.setGreenWeight(latest.greenWeight(), type.name().toLowerCase(Locale.ROOT));
            }
            if (stateFile != null && savesOnChange) {
                stateFile.save(PersistedState.of(latest, clock.currentTimeMillis(), roles.get(), routing.get()));
            }
        }
        timeline.publish(RolloutEvent.of(clock.currentTimeMillis(), type, from, to, message, v));
    }

    private CanaryJudge judgeFor(TrafficShiftSettings settings) {
        if (judge == null || judge.thresholds() != settings.validationThreshold()) {
            judge = new CanaryJudge(settings.validationThreshold());
        }
        return judge;
    }

    private static JudgeMode mode(Phase phase) {
        return phase == Phase.SHADOW
                ? JudgeMode.SHADOW
                : phase == Phase.PROMOTED ? JudgeMode.PROMOTED : JudgeMode.CANARY;
    }
}
