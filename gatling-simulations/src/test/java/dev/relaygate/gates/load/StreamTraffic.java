package dev.relaygate.gates.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.sse;

import dev.relaygate.gates.LoadPhases;
import dev.relaygate.gates.StreamObservation;
import dev.relaygate.gates.StreamVerdict;
import dev.relaygate.gates.relays.RelayUnderTest;
import io.gatling.http.action.sse.SseInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.SseConnectActionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One streamed chat completion over Gatling's SSE support. The only check waits for {@code data: [DONE]}
 * (matched with a regex: it is not JSON); every event before it stays unmatched, so
 * {@code processUnmatchedMessages} hands the whole stream, in order and with arrival stamps, to
 * {@link StreamVerdict}. Time to first token is the first event's stamp minus the connect instant.
 */
public final class StreamTraffic {

    private static final String SSE_NAME = "stream";
    /** Longest stream a gate checks whole: the unmatched-message buffer holds this many events. */
    public static final int MAX_EVENTS = 1_000;

    private StreamTraffic() {}

    public static String body(long n, int tokens) {
        return "{\"model\":\"gpt-4.1\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"gate stream " + n + "\"}],\"max_tokens\":" + tokens
                + "}";
    }

    /** Streams started during the warm-up are named {@code warmup-stream} and recorded as unmeasured. */
    public static ChainBuilder stream(
            LoadPhases phases,
            Supplier<RelayUnderTest> relay,
            Set<String> headerNames,
            int tokens,
            Duration timeout,
            Queue<StreamObservation> log) {
        SseConnectActionBuilder request = sse("#{name}")
                .sseName(SSE_NAME)
                .post(session -> relay.get().baseUrl() + "/v1/chat/completions")
                .header("Authorization", session -> "Bearer " + relay.get().clientKey())
                .header("Content-Type", "application/json");
        for (String name : headerNames) {
            request = request.header(name, session -> relay.get().headers().get(name));
        }
        SseConnectActionBuilder withBody = request.body(StringBody(session -> body(session.userId(), tokens)));
        return exec(stopLoadGeneratorIf("the gate has seen what it needs", session -> phases.stopRequested()))
                .exitHereIf(session -> phases.skipped())
                .exec(session -> {
                    long t0 = System.nanoTime();
                    return session.set("s0n", t0)
                            .set("s0ms", System.currentTimeMillis())
                            .set("measured", phases.measuring(t0))
                            .set("name", phases.measuring(t0) ? "stream" : "warmup-stream");
                })
                .exec(group("#{name}")
                        .on(exec(withBody.await(timeout)
                                .on(sse.checkMessage("done")
                                        .matching(substring("[DONE]"))
                                        .check(regex("\\[DONE\\]").saveAs("done"))))))
                .exec(sse.processUnmatchedMessages(SSE_NAME, (messages, session) -> {
                    List<String> texts =
                            messages.stream().map(SseInboundMessage::message).toList();
                    long first = messages.isEmpty() ? 0 : messages.get(0).timestamp();
                    long last = messages.isEmpty()
                            ? 0
                            : messages.get(messages.size() - 1).timestamp();
                    StreamVerdict verdict = StreamVerdict.of(texts, session.contains("done"));
                    log.add(new StreamObservation(
                            session.getLong("s0n"),
                            session.getLong("s0ms"),
                            first,
                            last,
                            verdict,
                            session.getBoolean("measured")));
                    return session;
                }))
                .exec(sse("close").sseName(SSE_NAME).close());
    }
}
