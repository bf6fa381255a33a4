package dev.relaygate.relay.proxy;

import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.exchange.ExchangeRecord;
import dev.relaygate.relay.exchange.Outcome;
import dev.relaygate.relay.exchange.Usage;
import dev.relaygate.relay.http.ErrorResponses;
import dev.relaygate.relay.http.Headers;
import dev.relaygate.relay.metrics.EnvironmentMetrics;
import dev.relaygate.relay.shadow.ShadowMirror;
import dev.relaygate.relay.upstream.UpstreamTarget;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;

/**
 * One relayed request, from the route decision to the last byte: upstream attempts under the
 * {@link AttemptPolicy}, then the answer through a {@link ResponsePump} and its ordered stages (usage
 * tap, shadow capture, usage-event filter, event window), then the outcome to metrics and listeners.
 *
 * <p>Threading: every callback here runs on the event loop of the client's connection (the
 * upstream client completes its futures on the caller's context), so the fields need no
 * synchronization. {@code attempt} tags each upstream attempt; callbacks of an abandoned
 * attempt see a different number and do nothing.
 */
final class ProxyExchange {

    private static final StreamInterceptor[] NO_STAGES = new StreamInterceptor[0];
    private static final CharSequence RETRY_AFTER = HttpHeaders.createOptimized("Retry-After");
    private static final CharSequence ONE_SECOND = HttpHeaders.createOptimized("1");

    private final ProxyContext ctx;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private UpstreamTarget target;
    private final Buffer body;
    private final String requestId;
    private final String model;
    private final boolean stream;
    private final boolean hideUsage;
    private final boolean forced;
    private final long startNanos;
    private final long startMillis;

    private int attempt;
    private boolean finished;
    private boolean failedOver;
    private long timerId = -1;
    /** When the pending {@code target.open} was asked for; -1 when no connection is awaited. */
    private long openedAtNanos = -1;

    private HttpClientRequest upstreamRequest;
    private int upstreamStatus;
    private long ttfbNanos = -1;
    private ResponsePump pump;
    private UsageTap usageTap;
    private ShadowCapture shadowCapture;

    ProxyExchange(
            ProxyContext ctx,
            HttpServerRequest request,
            UpstreamTarget target,
            Buffer body,
            String requestId,
            String model,
            boolean stream,
            boolean hideUsage,
            boolean forced,
            long startNanos) {
        this.ctx = ctx;
        this.request = request;
        this.response = request.response();
        this.target = target;
        this.body = body;
        this.requestId = requestId;
        this.model = model;
        this.stream = stream;
        this.hideUsage = hideUsage;
        this.forced = forced;
        this.startNanos = startNanos;
        this.startMillis = ctx.clock.currentTimeMillis();
    }

    void start() {
        // Called when the client's connection closes before the response ended: cancel upstream.
        response.closeHandler(v -> onClientGone());
        send(0);
    }

    private boolean current(int attemptNo) {
        return attemptNo == attempt && !finished;
    }

    private void send(int attemptNo) {
        attempt = attemptNo;
        long remainingNanos = ctx.attempts.remainingNanos(startNanos, ctx.clock.nanoTime());
        if (remainingNanos <= 0) {
            onTimeout(attemptNo);
            return;
        }
        timerId = ctx.vertx.setTimer(Math.max(1, remainingNanos / 1_000_000), id -> onTimeout(attemptNo));
        openedAtNanos = ctx.clock.nanoTime();
        target.open(request.method(), request.uri()).onComplete(opened -> {
            openedAtNanos = -1;
            if (!current(attemptNo)) {
                if (opened.succeeded()) {
                    opened.result().reset();
                }
                return;
            }
            if (opened.failed() && opened.cause() instanceof ConnectionPoolTooBusyException) {
                // The relay's own limit, not the upstream's failure: retrying would only queue again.
                onPoolExhausted("its wait queue is full");
                return;
            }
            if (opened.failed()) {
                // No connection: nothing was sent, so this is always safe to retry.
                onFailedBeforeResponse(attemptNo, opened.cause(), true);
                return;
            }
            HttpClientRequest up = opened.result();
            upstreamRequest = up;
            Headers.copyRequestHeaders(request.headers(), up.headers());
            up.putHeader(HttpHeaderNames.AUTHORIZATION, target.authorization());
            up.putHeader(Headers.X_REQUEST_ID, requestId);
            up.send(body).onComplete(sent -> {
                if (!current(attemptNo)) {
                    return;
                }
                if (sent.succeeded()) {
                    onResponse(attemptNo, sent.result());
                } else {
                    onFailedBeforeResponse(attemptNo, sent.cause(), false);
                }
            });
        });
    }

    private void onResponse(int attemptNo, HttpClientResponse upstream) {
        ctx.vertx.cancelTimer(timerId);
        int status = upstream.statusCode();
        boolean windowed = stream && ctx.bufferEvents > 0;
        if (windowed && canFailOver() && AttemptPolicy.failOverStatus(status)) {
            upstream.body(); // drain so the pooled connection can be reused
            failOver(Outcome.RESPONSE, status, false);
            return;
        }
        if (AttemptPolicy.retryableStatus(status) && canRetry()) {
            upstream.body(); // drain so the pooled connection can be reused
            retryLater(attemptNo);
            return;
        }
        upstreamStatus = status;
        ttfbNanos = ctx.clock.nanoTime();
        boolean filtered = hideUsage && status / 100 == 2;
        // Time to the first byte was bounded by upstream.timeout_ms; from here, silence by streaming.idle_timeout_ms.
        SilenceWatch silence =
                ctx.streamIdleTimeoutMs > 0 ? new SilenceWatch(ctx.vertx, ctx.clock, ctx.streamIdleTimeoutMs) : null;
        pump = new ResponsePump(
                response, stages(status, windowed, filtered), () -> commitHeaders(upstream, status, filtered), silence);
        pump.start(upstream, () -> current(attemptNo), () -> finish(Outcome.RESPONSE, status), err -> {
            if (!pump.committed() && canFailOver()) {
                // Green broke off inside the event window: nothing reached the client, so blue serves it.
                failOver(Outcome.ABORTED_STREAM, status, true);
                return;
            }
            // The upstream broke off mid-body. Reset the client's connection instead of ending
            // the response cleanly, so a truncated stream can never pass for a complete one.
            finish(Outcome.ABORTED_STREAM, status);
            response.reset();
        });
    }

    /** The answer's stages, observers before transformers; decided now, so a plain answer costs nothing. */
    private StreamInterceptor[] stages(int status, boolean windowed, boolean filtered) {
        if (status / 100 != 2) {
            return NO_STAGES;
        }
        // Usage is read only when a listener (request log, accounting) will use it.
        usageTap = ctx.hasListeners() ? new UsageTap(stream) : null;
        // Shadow: whether green gets a copy of this answer, decided now so a sampled-out answer costs nothing.
        ShadowMirror mirror = target.environment() == Environment.BLUE ? ctx.activeMirror() : null;
        shadowCapture = mirror != null && mirror.reserve() ? new ShadowCapture(mirror, stream) : null;
        // The relay asked for usage on the client's behalf: the tap sees the usage event, the client does not.
        UsageEventFilter filter = filtered ? new UsageEventFilter() : null;
        // streaming.buffer_events: headers and events wait until the window is full or the stream ended.
        EventWindow window = windowed ? new EventWindow(ctx.bufferEvents) : null;
        StreamInterceptor[] stages = {usageTap, shadowCapture, filter, window};
        int used = 0;
        for (StreamInterceptor stage : stages) {
            if (stage != null) {
                stages[used++] = stage;
            }
        }
        return used == 0 ? NO_STAGES : Arrays.copyOf(stages, used);
    }

    private void commitHeaders(HttpClientResponse upstream, int status, boolean filtered) {
        response.setStatusCode(status);
        Headers.copyResponseHeaders(upstream.headers(), response.headers());
        response.putHeader(
                Headers.X_RELAY_ENVIRONMENT, target.environment() == Environment.GREEN ? Headers.GREEN : Headers.BLUE);
        response.putHeader(Headers.X_REQUEST_ID, requestId);
        if (ctx.member != null) {
            response.putHeader(Headers.X_RELAY_MEMBER, ctx.member); // which member of a fleet answered
        }
        if (filtered) {
            response.headers().remove(Headers.CONTENT_LENGTH); // the client gets fewer bytes than upstream sent
        }
        if (!response.headers().contains(Headers.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
    }

    /** A green answer may move to blue once, while the client has seen nothing of it. */
    private boolean canFailOver() {
        return AttemptPolicy.mayFailOver(target.environment(), failedOver)
                && !finished
                && !response.closed()
                && !response.headWritten();
    }

    /** Counts green's failure as green's error, then sends the request to blue (same deadline). */
    private void failOver(Outcome outcome, int status, boolean resetUpstream) {
        long now = ctx.clock.nanoTime();
        long ttfbMicros = ttfbNanos < 0 ? -1 : (ttfbNanos - startNanos) / 1_000;
        metrics().recordOutcome(outcome, status, (now - startNanos) / 1_000, ttfbMicros);
        // State first: reset() may call this attempt's handlers back synchronously; they must see it abandoned.
        HttpClientRequest abandoned = upstreamRequest;
        failedOver = true;
        pump = null;
        usageTap = null;
        abandonShadowCopy();
        ttfbNanos = -1;
        upstreamStatus = 0;
        upstreamRequest = null;
        target = ctx.upstreams.target(Environment.BLUE);
        int next = attempt + 1;
        attempt = next;
        if (resetUpstream && abandoned != null) {
            abandoned.reset();
        }
        send(next);
    }

    private void onFailedBeforeResponse(int attemptNo, Throwable cause, boolean connectFailure) {
        ctx.vertx.cancelTimer(timerId);
        if (cause instanceof TimeoutException) {
            onTimeout(attemptNo);
            return;
        }
        if (connectFailure && canRetry()) {
            retryLater(attemptNo);
            return;
        }
        finished = true;
        record(Outcome.UPSTREAM_ERROR, 502);
        ErrorResponses.send(
                response,
                502,
                "upstream " + target.environment().wireName() + " is unreachable after " + (attemptNo + 1)
                        + " attempt(s)",
                "server_error",
                null,
                "upstream_unreachable");
    }

    private void onTimeout(int attemptNo) {
        if (!current(attemptNo)) {
            return;
        }
        if (openedAtNanos >= 0 && ctx.attempts.waitedForPool(openedAtNanos, ctx.clock.nanoTime())) {
            onPoolExhausted("no connection was free within upstream.timeout_ms");
            return;
        }
        finished = true;
        if (upstreamRequest != null) {
            upstreamRequest.reset();
        }
        record(Outcome.TIMEOUT, 504);
        ErrorResponses.send(
                response,
                504,
                "upstream " + target.environment().wireName() + " sent no response within the timeout",
                "server_error",
                null,
                "upstream_timeout");
    }

    /** 503 naming the relay's pool: the upstream never saw this request, so it is not the upstream's error. */
    private void onPoolExhausted(String why) {
        ctx.vertx.cancelTimer(timerId);
        finished = true;
        record(Outcome.POOL_EXHAUSTED, 503);
        response.putHeader(RETRY_AFTER, ONE_SECOND);
        ErrorResponses.send(
                response,
                503,
                "the relay's connection pool to upstream "
                        + target.environment().wireName() + " is full (" + target.poolDescription() + "): " + why
                        + "; retry shortly",
                "server_error",
                null,
                "relay_pool_exhausted");
    }

    private void onClientGone() {
        if (finished) {
            return;
        }
        finished = true;
        ctx.vertx.cancelTimer(timerId);
        if (upstreamRequest != null) {
            upstreamRequest.reset();
        }
        record(Outcome.CLIENT_CANCELLED, upstreamStatus);
    }

    private boolean canRetry() {
        return ctx.attempts.mayRetry(attempt) && !finished && !response.closed();
    }

    private void retryLater(int attemptNo) {
        upstreamRequest = null;
        long waitMs = ctx.attempts.backoffMs(attemptNo);
        int next = attemptNo + 1;
        attempt = next;
        if (waitMs == 0) {
            send(next);
        } else {
            timerId = ctx.vertx.setTimer(waitMs, id -> send(next));
        }
    }

    private void abandonShadowCopy() {
        if (shadowCapture != null) {
            shadowCapture.abandon();
            shadowCapture = null;
        }
    }

    private void finish(Outcome outcome, int status) {
        finished = true;
        record(outcome, status);
    }

    /** A request the client forced to an environment is counted apart: it is never a canary sample. */
    private EnvironmentMetrics metrics() {
        return forced ? ctx.metrics.overridden(target.environment()) : ctx.metrics.of(target.environment());
    }

    private void record(Outcome outcome, int status) {
        long now = ctx.clock.nanoTime();
        long latencyMicros = (now - startNanos) / 1_000;
        long ttfbMicros = ttfbNanos < 0 ? -1 : (ttfbNanos - startNanos) / 1_000;
        if (outcome == Outcome.POOL_EXHAUSTED) {
            ctx.metrics.recordPoolExhausted(target.environment());
        } else {
            int upstreamSeen = outcome == Outcome.TIMEOUT || outcome == Outcome.UPSTREAM_ERROR ? 0 : status;
            metrics().recordOutcome(outcome, upstreamSeen, latencyMicros, ttfbMicros);
        }
        if (shadowCapture != null && outcome == Outcome.RESPONSE) {
            // After the client's answer was recorded: green never delays or fails it.
            shadowCapture.offer(status, latencyMicros / 1000.0, requestId, model, request.uri(), body);
        }
        abandonShadowCopy();
        if (ctx.hasListeners()) {
            Usage usage = usageTap == null
                    ? Usage.NONE
                    : outcome == Outcome.CLIENT_CANCELLED ? usageTap.partial() : usageTap.complete();
            ctx.finished(new ExchangeRecord(
                    requestId,
                    request.getHeader(Headers.TRACEPARENT),
                    target.environment(),
                    request.method().name(),
                    request.path(),
                    model,
                    stream,
                    status,
                    outcome,
                    latencyMicros,
                    ttfbMicros,
                    attempt + 1,
                    startMillis,
                    usage));
        }
    }
}
