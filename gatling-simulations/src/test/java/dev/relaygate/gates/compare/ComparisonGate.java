package dev.relaygate.gates.compare;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.relaygate.gates.Choreography;
import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.GateProperties;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.GateRun;
import dev.relaygate.gates.LoadPhases;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.OpenLoopClient;
import dev.relaygate.gates.RelayInfo;
import dev.relaygate.gates.StreamObservation;
import dev.relaygate.gates.load.ChatTraffic;
import dev.relaygate.gates.relays.Need;
import dev.relaygate.gates.relays.RelaySpec;
import dev.relaygate.gates.relays.RelayUnderTest;
import dev.relaygate.gates.relays.Upstreams;
import dev.relaygate.mock.MockSettings;
import dev.relaygate.mock.MockUpstream;
import dev.relaygate.mock.ProfileSettings;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A gate of the comparison build: the same claim checked on every relay under test, one after the other, in
 * front of the same two mocks, with one result per relay ({@code <gates dir>/<relay>/<gate>.json}). Each
 * relay gets a {@link Lane}: its own load, phases, observations and control steps; lanes run in sequence
 * (Gatling's {@code andThen}), so no relay's load disturbs another's. A relay lacking what the gate needs
 * gets a "not supported" result and its lane sends nothing.
 */
public abstract class ComparisonGate extends Simulation {

    /** One relay's part of the gate. */
    protected static final class Lane {
        public final RelaySpec spec;
        public final LoadPhases phases;
        public final ObservationLog log = new ObservationLog();
        public final Queue<StreamObservation> streams = new ConcurrentLinkedQueue<>();
        public final Choreography control = new Choreography();
        volatile RelayUnderTest relay;
        volatile GateRun run;
        volatile boolean done;
        private volatile boolean ended;

        Lane(RelaySpec spec, Duration warmup) {
            this.spec = spec;
            this.phases = new LoadPhases(warmup);
        }

        public RelayUnderTest relay() {
            return relay;
        }

        public GateRun run() {
            return run;
        }

        /** The lane has measured what it needs: its users leave without sending, and the next lane starts. */
        public void end() {
            phases.skip();
            ended = true;
        }
    }

    protected final GateProperties props;
    protected final List<Lane> lanes;
    private volatile MockUpstream blue;
    private volatile MockUpstream green;

    protected ComparisonGate(GateProperties props, Duration warmup) {
        this.props = props;
        this.lanes = ComparedRelays.specs(props).stream()
                .map(spec -> new Lane(spec, warmup))
                .toList();
    }

    /** The claim, with its figures; the same words head every relay's result. */
    protected abstract String claim();

    protected abstract Set<Need> needs();

    /** The lane's load, built once at construction; it reads the relay when it sends. */
    protected abstract PopulationBuilder load(Lane lane);

    /** Runs once every relay started, before any load: a measurement that lives outside Gatling's load. */
    protected void allStarted() {}

    /** Runs on the lane's control thread when its load starts (set weights, schedule a fault). */
    protected void begin(Lane lane) {}

    /**
     * Whether a lane ends when its {@link #begin} returns (which then calls {@link Lane#end}) rather than when
     * its load's injection does: for a lane whose measuring starts after a wait of unknown length.
     */
    protected boolean laneEndsWithBegin() {
        return false;
    }

    /** Adds the lane's checks and figures; its run takes percentiles and series. */
    protected abstract void evaluate(Lane lane, GateEvaluation eval);

    protected ProfileSettings blueProfile() {
        return ProfileSettings.healthy();
    }

    protected ProfileSettings greenProfile() {
        return ProfileSettings.healthy();
    }

    protected final MockUpstream blue() {
        return blue;
    }

    protected final MockUpstream green() {
        return green;
    }

    /**
     * Sets up every lane's load in sequence, each with a control user that starts it; the next lane starts
     * when this lane's load has ended, or with {@link #laneEndsWithBegin} when its control user has.
     */
    protected final SetUp lanesInSequence() {
        PopulationBuilder next = null;
        PopulationBuilder nextControl = null;
        for (int i = lanes.size() - 1; i >= 0; i--) {
            Lane lane = lanes.get(i);
            PopulationBuilder load = load(lane);
            PopulationBuilder control = controller(lane);
            if (next != null) {
                if (laneEndsWithBegin()) {
                    control = control.andThen(next, nextControl);
                } else {
                    load = load.andThen(next, nextControl);
                }
            }
            next = load;
            nextControl = control;
        }
        return setUp(next, nextControl).protocols(ChatTraffic.protocol());
    }

    private PopulationBuilder controller(Lane lane) {
        boolean waits = laneEndsWithBegin();
        return scenario("control " + lane.spec.name())
                .exec(session -> {
                    if (lane.phases.skipped()) {
                        lane.ended = true;
                    } else {
                        lane.phases.start();
                        lane.control.at(Duration.ZERO, "begin " + lane.spec.name(), () -> {
                            try {
                                begin(lane);
                            } finally {
                                if (waits) {
                                    lane.end();
                                }
                            }
                        });
                        lane.control.start();
                    }
                    return session;
                })
                .asLongAs(session -> waits && !lane.ended)
                .on(pause(Duration.ofMillis(100)))
                .injectOpen(atOnceUsers(1));
    }

    @Override
    public final void before() {
        blue = MockUpstream.start(MockSettings.of("blue", GateRig.BLUE_KEY).withProfile(blueProfile()));
        green = MockUpstream.start(MockSettings.of("green", GateRig.GREEN_KEY).withProfile(greenProfile()));
        Upstreams upstreams = new Upstreams(blue.baseUrl(), GateRig.BLUE_KEY, green.baseUrl(), GateRig.GREEN_KEY);
        for (Lane lane : lanes) {
            lane.run = GateRun.forComparison(props.gate(), claim(), getClass(), props, RelayInfo.of(lane.spec));
            String unsupported = Need.unsupportedReason(lane.spec, needs());
            if (unsupported != null) {
                lane.phases.skip();
                lane.run.notSupported(unsupported);
                lane.done = true;
                continue;
            }
            try {
                lane.relay = ComparedRelays.start(lane.spec, upstreams, props, props.gatesDir());
                lane.run.relay(RelayInfo.of(lane.relay));
                warmUp(lane.relay);
            } catch (RuntimeException e) {
                // this relay could not start: its result says so; the other relays still run
                lane.phases.skip();
                lane.run.aborted(e);
                lane.done = true;
            }
        }
        try {
            allStarted();
        } catch (RuntimeException e) {
            for (Lane lane : lanes) {
                if (!lane.done) {
                    lane.phases.skip();
                    lane.run.aborted(e);
                    lane.done = true;
                }
            }
        }
        blue.resetCounts();
        green.resetCounts();
    }

    /** A short closed loop through the relay, unmeasured, so no relay meets the load cold. */
    private static void warmUp(RelayUnderTest relay) {
        try (OpenLoopClient client = new OpenLoopClient(4, ChatTraffic.body(0, false))) {
            client.closedLoop(OpenLoopClient.Target.of(relay), 4, Duration.ofSeconds(2));
        }
    }

    @Override
    public final void after() {
        try {
            for (Lane lane : lanes) {
                lane.control.close();
                if (lane.done) {
                    continue;
                }
                try {
                    GateEvaluation eval = new GateEvaluation();
                    evaluate(lane, eval);
                    lane.control
                            .failures()
                            .forEach(f -> eval.isTrue("control_ok", false, "every control step to succeed: " + f));
                    lane.run.finish(eval);
                } catch (RuntimeException e) {
                    lane.run.aborted(e);
                }
            }
        } finally {
            for (Lane lane : lanes) {
                if (lane.relay != null) {
                    lane.relay.close();
                }
            }
            green.close();
            blue.close();
        }
    }

    /** Sleeps on a control thread; an interrupt (the run is ending) ends the step. */
    protected static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
