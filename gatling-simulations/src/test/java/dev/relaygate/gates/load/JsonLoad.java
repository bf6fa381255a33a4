package dev.relaygate.gates.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.relaygate.gates.Choreography;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.LoadPhases;
import dev.relaygate.gates.ObservationLog;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import java.util.List;
import java.util.function.Supplier;

/**
 * The populations most gates share: chat completions at one constant arrival rate for warm-up plus
 * measured time (requests that start in the warm-up are excluded from every figure, see
 * {@link LoadPhases}), plus a one-user control scenario that starts the gate's {@link Choreography} when
 * injection starts.
 */
public final class JsonLoad {

    private JsonLoad() {}

    public static List<PopulationBuilder> populations(
            double ratePerSec,
            long warmupSeconds,
            long measureSeconds,
            Supplier<GateRig> rig,
            ObservationLog log,
            LoadPhases phases,
            Choreography control) {
        PopulationBuilder load = scenario("load")
                .exec(ChatTraffic.chat(
                        phases, () -> rig.get().relayUrl(), () -> rig.get().clientKey(), log))
                .injectOpen(
                        warmup(ratePerSec, warmupSeconds),
                        constantUsersPerSec(ratePerSec).during(measureSeconds));
        return List.of(load, controller(phases, control));
    }

    /**
     * The warm-up ramps the arrival rate up from a tenth: a cold JVM (JIT, pools, connections) met with
     * the full rate builds a queue it then takes many seconds to drain, which would leak into the measured
     * phase.
     */
    public static OpenInjectionStep warmup(double ratePerSec, long warmupSeconds) {
        return rampUsersPerSec(Math.max(1, ratePerSec / 10)).to(ratePerSec).during(warmupSeconds);
    }

    /** One user that marks the start of injection and starts the timed control actions. */
    public static PopulationBuilder controller(LoadPhases phases, Choreography control) {
        return scenario("control")
                .exec(exec(session -> {
                    phases.start();
                    control.start();
                    return session;
                }))
                .injectOpen(atOnceUsers(1));
    }
}
