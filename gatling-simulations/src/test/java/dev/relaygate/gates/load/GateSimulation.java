package dev.relaygate.gates.load;

import dev.relaygate.gates.AdminClient;
import dev.relaygate.gates.Choreography;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.GateRun;
import dev.relaygate.gates.LoadPhases;
import dev.relaygate.gates.RelayInfo;
import dev.relaygate.gates.relays.Need;
import dev.relaygate.gates.relays.RelaySpec;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Set;

/**
 * The life of every gate, so a gate is only its claim, its set-up and its checks.
 *
 * <p>{@code before()} opens the gate's {@link GateRun}, starts the rig (mocks and relay, or an external
 * relay) and lets the gate prepare: schedule its control steps on {@link #control}, or run a measurement
 * that lives outside Gatling's load. {@code after()} runs the gate's checks, turns every failed control
 * step into a failed check and always writes a gate result: a gate that could not run is written as
 * aborted, never left missing from the report.
 */
public abstract class GateSimulation extends Simulation {

    protected final GateProperties props;
    /** Timed control actions, started with the load by {@link JsonLoad#controller}. */
    protected final Choreography control = new Choreography();
    /** When the load's measured part starts and when it stops; a gate the relay cannot run stops it at once. */
    protected final LoadPhases phases;
    /** The relay this run drives, known before it starts. */
    protected final RelaySpec relaySpec;

    private volatile GateRig rig;
    private volatile GateRun run;
    private volatile boolean abortedInBefore;
    private volatile boolean notSupported;

    protected GateSimulation(GateProperties props, Duration warmup) {
        this.props = props;
        this.phases = new LoadPhases(warmup);
        this.relaySpec = GateRig.relaySpec(props);
    }

    /** What the gate needs from the relay; a relay lacking any of it gets a "not supported by" result. */
    protected Set<Need> needs() {
        return Set.of();
    }

    /** The claim the gate checks, in one sentence with its figures; it heads the gate's section in the report. */
    protected abstract String claim();

    /** Starts the upstreams and the relay under test; by default two healthy mocks. */
    protected GateRig startRig() {
        return GateRig.start(props);
    }

    /** Runs once the rig is up, before the load starts. */
    protected abstract void prepare(GateRig rig);

    /** Adds the gate's checks and figures to {@code eval}, and its percentiles, series and timeline to {@link #run()}. */
    protected abstract void evaluate(GateEvaluation eval);

    /** Releases what {@link #prepare} started, before the rig stops; runs even when the gate aborted. */
    protected void release() {}

    @Override
    public final void before() {
        run = new GateRun(props.gate(), claim(), getClass(), props, RelayInfo.of(relaySpec));
        String unsupported = Need.unsupportedReason(relaySpec, needs());
        if (unsupported != null) {
            // nothing starts and the load sends nothing: the result says why, and is no pass
            notSupported = true;
            phases.skip();
            run.notSupported(unsupported);
            return;
        }
        try {
            rig = startRig();
            run.relay(RelayInfo.of(rig.relay()));
            prepare(rig);
        } catch (RuntimeException | Error e) {
            abortedInBefore = true;
            run.aborted(e);
            close();
            throw e;
        }
    }

    /** Always leaves a result: the gate's checks, or an aborted result naming whatever stopped them. */
    @Override
    public final void after() {
        if (abortedInBefore || notSupported) {
            return; // before() wrote the result; evaluating a rig that never started would only hide it
        }
        try {
            GateEvaluation eval = new GateEvaluation();
            evaluate(eval);
            control.failures().forEach(f -> eval.isTrue("control_ok", false, "every control step to succeed: " + f));
            run.finish(eval);
        } catch (Throwable e) {
            run.aborted(e);
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            close();
        }
    }

    protected final GateRig rig() {
        return rig;
    }

    protected final GateRun run() {
        return run;
    }

    /** Fails the control step (and so the gate) when an admin call was refused. */
    protected static void requireOk(AdminClient.Reply reply, String what) {
        if (!reply.ok()) {
            throw new IllegalStateException(what + " answered " + reply.status() + ": " + reply.body());
        }
    }

    /** Sleeps on the control thread; an interrupt (the run is ending) ends the step. */
    protected static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void close() {
        control.close();
        try {
            release();
        } finally {
            if (rig != null) {
                rig.close();
            }
        }
    }
}
