package dev.relaygate.gates.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.relaygate.gates.LoadPhases;
import dev.relaygate.gates.Observation;
import dev.relaygate.gates.ObservationLog;
import dev.relaygate.gates.UpstreamAttribution;
import dev.relaygate.gates.relays.RelayUnderTest;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The chat-completion request every JSON gate sends, and the bookkeeping around it: the start instant
 * before the request, then status, serving environment and response time into an {@link ObservationLog}.
 */
public final class ChatTraffic {

    private ChatTraffic() {}

    /**
     * One shared connection pool for all virtual users (open model: otherwise every user would pay a
     * TCP handshake, which would measure the kernel rather than the relay).
     */
    public static HttpProtocolBuilder protocol() {
        return http.shareConnections()
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .disableCaching()
                .disableWarmUp()
                // keeps every SSE event before [DONE] for processUnmatchedMessages (the default keeps none)
                .sseUnmatchedInboundMessageBufferSize(StreamTraffic.MAX_EVENTS);
    }

    public static String body(long n, boolean stream) {
        return "{\"model\":\"gpt-4.1\",\"messages\":[{\"role\":\"user\",\"content\":\"gate request " + n
                + "\"}],\"max_tokens\":8" + (stream ? ",\"stream\":true" : "") + "}";
    }

    /**
     * POST {@code <relay>/v1/chat/completions} with the relay's own headers; the relay is read when the
     * request is sent (after {@code before()} started it). Which upstream answered is read from the body
     * ({@link UpstreamAttribution}), the relay's {@code X-Relay-Environment} kept beside it to be checked.
     * Requests started during the warm-up are named {@code warmup-chat} and recorded as unmeasured; once the
     * gate asked to stop, the next user stops the load generator.
     */
    public static ChainBuilder chat(
            LoadPhases phases, Supplier<RelayUnderTest> relay, Set<String> headerNames, ObservationLog log) {
        HttpRequestActionBuilder request = http(session -> session.getBoolean("measured") ? "chat" : "warmup-chat")
                .post(session -> relay.get().baseUrl() + "/v1/chat/completions")
                .header("Authorization", session -> "Bearer " + relay.get().clientKey())
                .body(StringBody(session -> body(session.userId(), false)));
        for (String name : headerNames) {
            request = request.header(name, session -> relay.get().headers().get(name));
        }
        return exec(stopLoadGeneratorIf("the gate has seen what it needs", session -> phases.stopRequested()))
                .exitHereIf(session -> phases.skipped())
                .exec(session -> {
                    long t0 = System.nanoTime();
                    return session.set("t0", t0).set("measured", phases.measuring(t0));
                })
                .exec(request.check(
                        status().saveAs("status"),
                        regex(UpstreamAttribution.REGEX).optional().saveAs("upstream"),
                        header("X-Relay-Environment").optional().saveAs("env"),
                        responseTimeInMillis().saveAs("rt"),
                        status().is(200)))
                .exec(session -> {
                    log.record(observation(session));
                    return session;
                });
    }

    static Observation observation(Session session) {
        int status = session.contains("status") ? session.getInt("status") : 0;
        String upstream = session.contains("upstream") ? session.getString("upstream") : null;
        String claimed = session.contains("env") ? session.getString("env") : null;
        long rt = session.contains("rt") ? session.getInt("rt") : 0;
        return new Observation(session.getLong("t0"), status, upstream, rt, session.getBoolean("measured"), claimed);
    }
}
