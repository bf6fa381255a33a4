package dev.relaygate.relay.proxy;

import dev.relaygate.relay.exchange.ExchangeRecord;
import dev.relaygate.relay.exchange.Usage;
import dev.relaygate.relay.http.ErrorResponses;
import dev.relaygate.relay.http.Headers;
import dev.relaygate.relay.shadow.ShadowMirror;
import dev.relaygate.relay.upstream.UpstreamTarget;
import dev.relaygate.relay.exchange.Outcome;
import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.shadow.ShadowAnswer;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

/**
 * One relayed request, from the route decision to the last byte.
 *
 * <p>Threading: every callback here runs on the event loop of the client's connection (the
 * upstream client completes its futures on the caller's context), so the fields need no
 * synchronization. {@code attempt} tags each upstream attempt; callbacks of an abandoned
 * attempt see a different number and do nothing.
 *
 * <p>Retries (connect failure, 502, 503) happen only before any response byte reached the
 * client. The deadline for upstream response headers spans all attempts, so no client waits
 * past {@code upstream.timeout_ms}. Once the response started, bytes are forwarded chunk by
 * chunk; the upstream is paused while the client's write queue is full and resumed on drain.
 */
final class ProxyExchange {

    private final ProxyContext ctx;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private UpstreamTarget target;
    private final Buffer body;
    private final String requestId;
    private final String model;
    private final boolean stream;
    private final boolean hideUsage;
    private final long startNanos;
    private final long startMillis;

    private int attempt;
    private boolean finished;
    private long timerId = -1;
    private HttpClientRequest upstreamRequest;
    private int upstreamStatus;
    private long ttfbNanos = -1;
    private UsageTap usageTap;
    private ShadowMirror mirror;
    private EventWindow window;
    private boolean failedOver;

    ProxyExchange(ProxyContext ctx, HttpServerRequest request, UpstreamTarget target, Buffer body,
                  String requestId, String model, boolean stream, boolean hideUsage, long startNanos) {
        this.ctx = ctx;
        this.request = request;
        this.response = request.response();
        this.target = target;
        this.body = body;
        this.requestId = requestId;
        this.model = model;
        this.stream = stream;
        this.hideUsage = hideUsage;
        this.startNanos = startNanos;
        this.startMillis = ctx.clock.currentTimeMillis();
    }

    void start() {
        // Called when the client's connection closes before the response ended: cancel upstream.
        response.closeHandler(v -> onClientGone());
        send(0);
    }

    private void send(int attemptNo) {
        attempt = attemptNo;
        long remainingNanos = startNanos + ctx.timeoutNanos - ctx.clock.nanoTime();
        if (remainingNanos <= 0) {
            onTimeout(attemptNo);
            return;
        }
        timerId = ctx.vertx.setTimer(Math.max(1, remainingNanos / 1_000_000), id -> onTimeout(attemptNo));
        target.open(request.method(), request.uri()).onComplete(opened -> {
            if (attemptNo != attempt || finished) {
                if (opened.succeeded()) {
                    opened.result().reset();
                }
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
            if (ctx.streamIdleTimeoutMs > 0) {
                up.idleTimeout(ctx.streamIdleTimeoutMs);
            }
            up.send(body).onComplete(sent -> {
                if (attemptNo != attempt || finished) {
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
        if (windowed && canFailOver() && (status >= 500 || status == 429)) {
            upstream.body(); // drain so the pooled connection can be reused
            failOver(Outcome.RESPONSE, status, false);
            return;
        }
        if ((status == 502 || status == 503) && canRetry()) {
            upstream.body(); // drain so the pooled connection can be reused
            retryLater(attemptNo);
            return;
        }
        upstreamStatus = status;
        ttfbNanos = ctx.clock.nanoTime();
        // Shadow: whether green gets a copy of this answer, decided now so a sampled-out stream costs nothing.
        releaseMirror();
        ShadowMirror active = target.environment() == Environment.BLUE && status / 100 == 2 ? ctx.activeMirror() : null;
        mirror = active != null && active.reserve() ? active : null;
        // Usage is read only when a listener (request log, accounting) or the mirror will use it.
        usageTap = (ctx.hasListeners() || mirror != null) && status / 100 == 2
                ? new UsageTap(stream, mirror != null) : null;
        // The relay asked for usage on the client's behalf: the tap sees the usage event, the client does not.
        UsageEventFilter filter = hideUsage && status / 100 == 2 ? new UsageEventFilter() : null;
        // streaming.buffer_events: headers and events wait until the window is full or the stream ended.
        window = windowed && status / 100 == 2 ? new EventWindow(ctx.bufferEvents) : null;
        if (window == null) {
            commitHeaders(upstream, status, filter != null);
        }
        // Back-pressure: stop reading upstream while the client cannot keep up.
        response.drainHandler(v -> upstream.resume());
        upstream.handler(chunk -> {
            if (attemptNo != attempt || finished) {
                return;
            }
            if (usageTap != null) {
                usageTap.accept(chunk);
            }
            Buffer out = filter == null ? chunk : filter.accept(chunk);
            if (window != null) {
                if (!window.hold(chunk, out)) {
                    return;
                }
                commitHeaders(upstream, status, filter != null);
                out = window.release();
                window = null;
            }
            if (out.length() > 0) {
                response.write(out);
            }
            if (response.writeQueueFull()) {
                upstream.pause();
            }
        });
        upstream.endHandler(v -> {
            if (attemptNo != attempt || finished) {
                return;
            }
            // Recorded before the last byte goes out, so whoever sees the end sees the count.
            finish(Outcome.RESPONSE, status);
            Buffer last = Buffer.buffer();
            if (window != null) {
                commitHeaders(upstream, status, filter != null);
                last.appendBuffer(window.release());
                window = null;
            }
            if (filter != null) {
                last.appendBuffer(filter.finish());
            }
            if (last.length() > 0) {
                response.end(last);
            } else {
                response.end();
            }
        });
        upstream.exceptionHandler(err -> {
            if (attemptNo != attempt || finished) {
                return;
            }
            if (window != null && canFailOver()) {
                // Green broke off inside the window: nothing reached the client, so blue serves it.
                failOver(Outcome.ABORTED_STREAM, status, true);
                return;
            }
            // The upstream broke off mid-body. Reset the client's connection instead of ending
            // the response cleanly, so a truncated stream can never pass for a complete one.
            finish(Outcome.ABORTED_STREAM, status);
            response.reset();
        });
    }

    private void commitHeaders(HttpClientResponse upstream, int status, boolean filtered) {
        response.setStatusCode(status);
        Headers.copyResponseHeaders(upstream.headers(), response.headers());
        response.putHeader(Headers.X_RELAY_ENVIRONMENT,
                target.environment() == Environment.GREEN ? Headers.GREEN : Headers.BLUE);
        response.putHeader(Headers.X_REQUEST_ID, requestId);
        if (filtered) {
            response.headers().remove(Headers.CONTENT_LENGTH); // the client gets fewer bytes than upstream sent
        }
        if (!response.headers().contains(Headers.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
    }

    /** A green stream may move to blue once, while the client has seen nothing of it. */
    private boolean canFailOver() {
        return target.environment() == Environment.GREEN && !failedOver && !finished && !response.closed()
                && !response.headWritten();
    }

    /** Counts green's failure as green's error, then sends the request to blue (same deadline). */
    private void failOver(Outcome outcome, int status, boolean resetUpstream) {
        long now = ctx.clock.nanoTime();
        long ttfbMicros = ttfbNanos < 0 ? -1 : (ttfbNanos - startNanos) / 1_000;
        ctx.metrics.of(target.environment()).recordOutcome(outcome, status, (now - startNanos) / 1_000, ttfbMicros);
        // State first: reset() may call this attempt's handlers back synchronously; they must see it abandoned.
        HttpClientRequest abandoned = upstreamRequest;
        failedOver = true;
        window = null;
        usageTap = null;
        releaseMirror();
        ttfbNanos = -1;
        upstreamStatus = 0;
        upstreamRequest = null;
        target = ctx.target(Environment.BLUE);
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
        ErrorResponses.send(response, 502, "upstream " + target.environment().wireName()
                        + " is unreachable after " + (attemptNo + 1) + " attempt(s)", "server_error", null,
                "upstream_unreachable");
    }

    private void onTimeout(int attemptNo) {
        if (attemptNo != attempt || finished) {
            return;
        }
        finished = true;
        if (upstreamRequest != null) {
            upstreamRequest.reset();
        }
        record(Outcome.TIMEOUT, 504);
        ErrorResponses.send(response, 504, "upstream " + target.environment().wireName()
                + " sent no response within the timeout", "server_error", null, "upstream_timeout");
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
        return attempt < ctx.maxRetries && !finished && !response.closed();
    }

    /** Full-jitter exponential backoff: a random wait in [0, base * 2^attempt). */
    private void retryLater(int attemptNo) {
        upstreamRequest = null;
        long ceiling = ctx.retryBackoffMs << Math.min(attemptNo, 16);
        long waitMs = ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling);
        int next = attemptNo + 1;
        attempt = next;
        if (waitMs == 0) {
            send(next);
        } else {
            timerId = ctx.vertx.setTimer(waitMs, id -> send(next));
        }
    }

    /**
     * Blue's answer for the shadow comparison; null when it is no reference: a JSON answer over the size
     * bound, or a stream without {@code [DONE]} (green's is held to the same rule).
     */
    private ShadowAnswer blueAnswer(int status, double latencyMs) {
        if (stream) {
            return usageTap.streamDone()
                    ? ShadowMirror.streamAnswer(status, usageTap.streamedUsage(), usageTap.streamedText(), latencyMs)
                    : null;
        }
        return usageTap.jsonBody() == null ? null : ShadowMirror.answer(status, usageTap.jsonBody(), latencyMs);
    }

    private void releaseMirror() {
        if (mirror != null) {
            mirror.release();
            mirror = null;
        }
    }

    private void finish(Outcome outcome, int status) {
        finished = true;
        record(outcome, status);
    }

    private void record(Outcome outcome, int status) {
        long now = ctx.clock.nanoTime();
        long latencyMicros = (now - startNanos) / 1_000;
        long ttfbMicros = ttfbNanos < 0 ? -1 : (ttfbNanos - startNanos) / 1_000;
        int upstreamSeen = outcome == Outcome.TIMEOUT || outcome == Outcome.UPSTREAM_ERROR ? 0 : status;
        ctx.metrics.of(target.environment()).recordOutcome(outcome, upstreamSeen, latencyMicros, ttfbMicros);
        ShadowMirror m = mirror;
        mirror = null;
        ShadowAnswer blue = m != null && outcome == Outcome.RESPONSE && usageTap != null
                ? blueAnswer(status, latencyMicros / 1000.0) : null;
        if (blue != null) {
            // After the client's answer was recorded: green never delays or fails it.
            m.offer(requestId, model, request.uri(), body, stream, blue);
        } else if (m != null) {
            m.release();
        }
        if (ctx.hasListeners()) {
            Usage usage = usageTap == null ? Usage.NONE
                    : outcome == Outcome.CLIENT_CANCELLED ? usageTap.partial() : usageTap.complete();
            ctx.finished(new ExchangeRecord(requestId, request.getHeader(Headers.TRACEPARENT), target.environment(),
                    request.method().name(), request.path(), model, stream, status, outcome, latencyMicros,
                    ttfbMicros, attempt + 1, startMillis, usage));
        }
    }
}
