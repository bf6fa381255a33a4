package dev.relaygate.relay.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.relay.config.ShadowConfig;
import dev.relaygate.relay.config.StreamingConfig;
import dev.relaygate.relay.config.UpstreamConfig;
import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.exchange.Usage;
import dev.relaygate.relay.http.Headers;
import dev.relaygate.relay.log.RequestLog;
import dev.relaygate.relay.sse.SseUsageScanner;
import dev.relaygate.relay.sse.StreamedText;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.time.RandomSource;
import dev.relaygate.relay.upstream.UpstreamTarget;
import dev.relaygate.relay.upstream.Upstreams;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Shadow mode: after blue answered a request, a copy goes to green (tagged {@code X-Relay-Shadow:
 * true}); green's answer is compared with blue's and discarded. Streams are mirrored as streams and
 * compared by their text, collected as the events pass (bounded by {@link StreamedText#MAX_CHARS}). The client was
 * already answered, so green never delays or fails it. At most {@code capacity} mirrored answers are
 * held at once (the bounded queue): {@link #reserve} never blocks, and one over the bound is dropped and
 * counted. A blue stream counts as an answer only with its {@code [DONE]}, and so does green's.
 * Runs on the event loop of the blue exchange; the comparison is word counting over one answer.
 */
public final class ShadowMirror {

    public static final CharSequence X_RELAY_SHADOW = io.vertx.core.http.HttpHeaders.createOptimized("X-Relay-Shadow");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Upstreams upstreams;
    private final Clock clock;
    private final RandomSource random;
    private final long streamIdleTimeoutMs;
    private final long timeoutMs;
    private final BooleanSupplier active;
    private final double sampleRate;
    private final int capacity;
    private final AnswerComparator comparator;
    private final ShadowSummary summary;
    private final RequestLog<ShadowLog> log;
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param active   whether copies are wanted right now (SHADOW phase or shadow strategy)
     * @param upstream green's copy gets the same silence limits as blue's answer had
     * @param log      the shadow JSONL, or null
     */
    public ShadowMirror(
            Upstreams upstreams,
            Clock clock,
            RandomSource random,
            BooleanSupplier active,
            ShadowConfig config,
            UpstreamConfig upstream,
            StreamingConfig streaming,
            AnswerComparator comparator,
            ShadowSummary summary,
            RequestLog<ShadowLog> log) {
        this.upstreams = upstreams;
        this.clock = clock;
        this.random = random;
        this.streamIdleTimeoutMs = streaming.idleTimeoutMs();
        this.timeoutMs = upstream.timeoutMs();
        this.sampleRate = config.sampleRate();
        this.capacity = config.queueCapacity();
        this.active = active;
        this.comparator = comparator;
        this.summary = summary;
        this.log = log;
    }

    /** Whether copies are wanted now (SHADOW phase or shadow strategy). */
    public boolean active() {
        return active.getAsBoolean();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** The "shadow" section of {@code /admin/status}: whether copies are wanted now, and the comparison counts. */
    public Map<String, Object> status() {
        ShadowSummary.Snapshot s = summary.snapshot();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("active", active());
        out.put("compared", s.compared());
        out.put("matched", s.matched());
        out.put("mismatched", s.mismatched());
        out.put("dissimilar", s.dissimilar());
        out.put("dissimilar_share", s.dissimilarShare());
        out.put("dropped", s.dropped());
        out.put("in_flight", inFlight());
        return out;
    }

    /**
     * Whether this answer is mirrored, decided when blue's answer starts: sampled in and a slot free (a
     * full queue counts as a drop). The slot is held while blue's stream text is collected and green's
     * copy runs, so {@code capacity} bounds both. Every true must be followed by {@link #offer} or
     * {@link #release}.
     */
    public boolean reserve() {
        if (sampleRate < 1.0 && random.nextDouble() >= sampleRate) {
            return false;
        }
        if (inFlight.incrementAndGet() > capacity) {
            inFlight.decrementAndGet();
            summary.recordDropped();
            return false;
        }
        return true;
    }

    /** Gives back a reserved slot whose blue answer will not be compared (cut, cancelled, too large). */
    public void release() {
        inFlight.decrementAndGet();
    }

    /**
     * Mirrors one finished blue exchange to green on the slot {@link #reserve} took. A stream is mirrored
     * as a stream and green's text is collected as it arrives, bounded like blue's.
     */
    public void offer(
            String requestId, String model, String uri, Buffer requestBody, boolean stream, ShadowAnswer blue) {
        UpstreamTarget green = upstreams.target(Environment.GREEN);
        long start = clock.nanoTime();
        green.open(HttpMethod.POST, uri)
                .compose(req -> {
                    req.putHeader(HttpHeaderNames.AUTHORIZATION, green.authorization());
                    req.putHeader(HttpHeaderNames.CONTENT_TYPE, Headers.APPLICATION_JSON);
                    req.putHeader(X_RELAY_SHADOW, "true");
                    req.putHeader(Headers.X_REQUEST_ID, requestId);
                    // The same silence limit blue's answer had: a pause blue may take must not fail only green.
                    req.idleTimeout(stream && streamIdleTimeoutMs > 0 ? streamIdleTimeoutMs : Math.max(1, timeoutMs));
                    return req.send(requestBody)
                            .compose(resp -> stream && resp.statusCode() / 100 == 2
                                    ? streamed(resp, start)
                                    : resp.body()
                                            .map(b -> answer(resp.statusCode(), b, (clock.nanoTime() - start) / 1e6)));
                })
                .otherwise(e -> new ShadowAnswer(0, -1, -1, (clock.nanoTime() - start) / 1e6, ""))
                .onComplete(done -> {
                    inFlight.decrementAndGet();
                    ShadowAnswer g = done.result();
                    ShadowComparison c = comparator.compare(blue, g);
                    summary.record(c);
                    if (log != null) {
                        log.offer(ShadowLog.of(clock.currentTimeMillis(), requestId, model, blue, g, c));
                    }
                });
    }

    /** Green's stream read chunk by chunk; a stream cut short counts as no answer (status 0). */
    private Future<ShadowAnswer> streamed(HttpClientResponse resp, long start) {
        Promise<ShadowAnswer> answer = Promise.promise();
        StreamedText text = new StreamedText();
        SseUsageScanner scanner = new SseUsageScanner(text);
        resp.handler(chunk -> {
            byte[] bytes = chunk.getBytes();
            scanner.accept(bytes, 0, bytes.length);
        });
        resp.exceptionHandler(answer::tryFail);
        resp.endHandler(v -> {
            scanner.finish();
            double latencyMs = (clock.nanoTime() - start) / 1e6;
            answer.tryComplete(
                    scanner.done()
                            ? streamAnswer(resp.statusCode(), scanner.usage(), text.text(), latencyMs)
                            : new ShadowAnswer(0, -1, -1, latencyMs, ""));
        });
        return answer.future();
    }

    /** Status, usage (when the stream reported it) and text of a streamed answer. */
    public static ShadowAnswer streamAnswer(int status, Usage usage, String text, double latencyMs) {
        return usage == null
                ? new ShadowAnswer(status, -1, -1, latencyMs, text)
                : new ShadowAnswer(status, usage.promptTokens(), usage.completionTokens(), latencyMs, text);
    }

    /** Status, usage and the first choice's text of a chat/completions JSON answer. */
    public static ShadowAnswer answer(int status, Buffer body, double latencyMs) {
        if (body == null || body.length() == 0) {
            return new ShadowAnswer(status, -1, -1, latencyMs, "");
        }
        try {
            JsonNode root = JSON.readTree(body.getBytes());
            JsonNode choice = root.path("choices").path(0);
            String text = choice.path("message")
                    .path("content")
                    .asText(choice.path("text").asText(""));
            JsonNode usage = root.path("usage");
            return new ShadowAnswer(
                    status,
                    usage.path("prompt_tokens").asLong(-1),
                    usage.path("completion_tokens").asLong(-1),
                    latencyMs,
                    text);
        } catch (IOException e) {
            return new ShadowAnswer(status, -1, -1, latencyMs, "");
        }
    }
}
