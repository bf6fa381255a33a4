package dev.relaygate.gates.fleet;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.relaygate.gates.FleetObservations;
import dev.relaygate.gates.FleetRig;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.LoadPhases;
import dev.relaygate.gates.MemberObservation;
import dev.relaygate.gates.MemberRotation;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.load.ChatTraffic;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.util.function.Supplier;

/**
 * The fleet gates' chat request: each user takes the next member of the {@link MemberRotation} (request
 * counter modulo the members still in it), sends one chat completion to that member and records the
 * member, status, {@code X-Relay-Environment}, {@code X-Relay-Member} and start instants.
 */
public final class FleetTraffic {

    private FleetTraffic() {}

    public static ChainBuilder chat(
            LoadPhases phases,
            MemberRotation rotation,
            LoadShare share,
            Supplier<FleetRig> rig,
            FleetObservations log) {
        return exec(stopLoadGeneratorIf("the gate has seen what it needs", session -> phases.stopRequested()))
                .exec(session -> {
                    int member = share.next() ? rotation.next() : -1;
                    long t0 = System.nanoTime();
                    return session.set("member", member)
                            .set("t0", t0)
                            .set("t0_epoch", System.currentTimeMillis())
                            .set("measured", phases.measuring(t0));
                })
                .exec(doIf(session -> session.getInt("member") >= 0)
                        .then(exec(http(session -> (session.getBoolean("measured") ? "chat " : "warmup-chat ")
                                                + rig.get()
                                                        .member(session.getInt("member"))
                                                        .name())
                                        .post(session -> rig.get()
                                                        .member(session.getInt("member"))
                                                        .url()
                                                + "/v1/chat/completions")
                                        .header("Authorization", "Bearer " + GateRig.CLIENT_KEY)
                                        .body(StringBody(session -> ChatTraffic.body(session.userId(), false)))
                                        .check(
                                                status().saveAs("status"),
                                                header("X-Relay-Environment")
                                                        .optional()
                                                        .saveAs("env"),
                                                header("X-Relay-Member")
                                                        .optional()
                                                        .saveAs("relay_member"),
                                                responseTimeInMillis().saveAs("rt"),
                                                status().is(200)))
                                .exec(session -> {
                                    log.record(observation(session));
                                    return session;
                                })));
    }

    static MemberObservation observation(Session session) {
        int status = session.contains("status") ? session.getInt("status") : 0;
        String env = session.contains("env") ? session.getString("env") : null;
        String member = session.contains("relay_member") ? session.getString("relay_member") : null;
        long rt = session.contains("rt") ? session.getInt("rt") : 0;
        return new MemberObservation(
                session.getInt("member"),
                member,
                session.getLong("t0_epoch"),
                new Observation(session.getLong("t0"), status, env, rt, session.getBoolean("measured")));
    }
}
