package dev.relaygate.gates.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import dev.relaygate.gates.Choreography;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.LoadPhases;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.relays.RelaySpec;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
            RelaySpec relay,
            ObservationLog log,
            LoadPhases phases,
            Choreography control) {
        PopulationBuilder load = scenario("load")
                .exec(ChatTraffic.chat(phases, () -> rig.get().relay(), relay.headerNames(), log))
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

    /**
     * One user that marks the start of injection and starts the timed control actions; when the gate was
     * skipped it instead sends one request to a closed loopback port and ends the run a second later,
     * because Gatling fails a run without any request, which would skip the gates after this one.
     */
    public static PopulationBuilder controller(LoadPhases phases, Choreography control) {
        return scenario("control")
                .exec(exec(session -> {
                    if (!phases.skipped()) {
                        phases.start();
                        control.start();
                    }
                    return session;
                }))
                .doIf(session -> phases.skipped())
                .then(endSkippedRun(phases))
                .injectOpen(atOnceUsers(1));
    }

    /** One request to a closed loopback port, a pause, then the stop: the run has a request and ends. */
    public static ChainBuilder endSkippedRun(LoadPhases phases) {
        return exec(http("gate not run").get(session -> closedUrl())).pause(1).exec(session -> {
            phases.requestStop();
            return session;
        });
    }

    private static String closedUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/gate-not-run";
        } catch (IOException e) {
            return "http://127.0.0.1:9/gate-not-run";
        }
    }
}
