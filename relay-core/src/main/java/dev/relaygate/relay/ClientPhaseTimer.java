package dev.relaygate.relay;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Times the client's own phases of one HTTP/1.1 connection and closes a connection that stalls in one:
 * waiting for the next request ({@code server.idle_timeout_ms}), receiving a request's line and headers
 * ({@code server.header_read_timeout_ms}, counted from the request's first byte) and receiving its body
 * ({@code server.body_idle_timeout_ms}, the longest silence between body bytes). A stalled head or body
 * is answered 408 in the OpenAI error shape before the close. It also answers 501 for framing the relay
 * does not implement ({@link RequestFraming}), before Vert.x sees the request.
 *
 * <p>While the relay waits for the upstream or streams the answer back, no timer runs: a slow upstream and a
 * long SSE stream to a silent client are not this class's business. While the relay itself has paused
 * reading (back-pressure on a large body), body silence does not count either.
 *
 * <p>Two handlers share this state: {@link #bytes()} sits before the HTTP decoder and sees raw bytes
 * arrive; this one sits after it and sees decoded request starts and ends inbound, and response starts and
 * ends outbound. Everything runs on the connection's event loop, so the fields need no synchronisation.
 * One timer at a time: it is scheduled only when a phase needs a deadline earlier than the pending one,
 * and on firing it recomputes the deadline from timestamps and reschedules itself for the rest, so a
 * steady keep-alive connection costs about one timer per idle period, not one per request or per byte.
 */
final class ClientPhaseTimer extends ChannelDuplexHandler implements Runnable {

    private static final int NONE = 0;
    private static final int IDLE = 1;
    private static final int HEAD = 2;
    private static final int BODY = 3;

    private final ClientTimeouts timeouts;
    private final RequestFraming framing;
    private final ByteArrivals bytes = new ByteArrivals();
    private ChannelHandlerContext ctx;
    private ChannelHandlerContext bytesCtx;

    private long requestsStarted;
    private long requestsEnded;
    private long responsesEnded;
    private boolean responseStarted;
    private boolean headInProgress;
    private boolean rejected;
    private long lastReadNanos;
    private long headStartNanos;
    private long lastBodyNanos;
    private long idleSinceNanos;

    private ScheduledFuture<?> timer;
    private long timerAtNanos;

    ClientPhaseTimer(ClientTimeouts timeouts, RequestFraming framing) {
        this.timeouts = timeouts;
        this.framing = framing;
    }

    /** The raw-bytes half, to be placed before the HTTP decoder. */
    ChannelInboundHandlerAdapter bytes() {
        return bytes;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        long now = System.nanoTime();
        idleSinceNanos = now;
        arm(now);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelTimer();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelTimer();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (rejected) {
            ReferenceCountUtil.release(msg); // the rest of a request answered 501: nobody reads it
            return;
        }
        if (msg instanceof HttpRequest request) {
            if (request.decoderResult().isSuccess()) {
                ByteBuf rejection = framing.rejection(request);
                if (rejection != null) {
                    rejected = true;
                    ReferenceCountUtil.release(msg);
                    if (responseStarted || responsesEnded < requestsEnded) {
                        ctx.channel().close(); // an earlier, pipelined answer is still being written
                    } else {
                        closeWith(rejection);
                    }
                    return;
                }
            }
            requestsStarted++;
            headInProgress = false;
            lastBodyNanos = lastReadNanos;
        }
        if (msg instanceof LastHttpContent) {
            requestsEnded++;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            if (response.status().code() < 200) {
                // 100 Continue and other interim answers: the real response is still to come.
                ctx.write(msg, promise);
                return;
            }
            responseStarted = true;
        }
        if (responseStarted && msg instanceof LastHttpContent) {
            responseStarted = false;
            responsesEnded++;
            long now = System.nanoTime();
            idleSinceNanos = now;
            if (headInProgress) {
                // A pipelined head that arrived during the response gets its full time from now.
                headStartNanos = now;
            }
            arm(now);
        }
        ctx.write(msg, promise);
    }

    /** Timer fired, on the event loop. */
    @Override
    public void run() {
        timer = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        int phase = phase();
        if (phase == BODY && !ctx.channel().config().isAutoRead()) {
            // The relay paused reading (back-pressure): the client's silence is ours, not its.
            lastBodyNanos = now;
        }
        if (phase == NONE) {
            return;
        }
        if (now - deadline(phase) >= 0) {
            expire(phase);
        } else {
            arm(now);
        }
    }

    private int phase() {
        if (requestsStarted > requestsEnded) {
            return BODY;
        }
        if (responsesEnded < requestsEnded) {
            return NONE; // waiting for the upstream or streaming the answer
        }
        return headInProgress ? HEAD : IDLE;
    }

    private long deadline(int phase) {
        return switch (phase) {
            case IDLE -> idleSinceNanos + timeouts.idleNanos();
            case HEAD -> headStartNanos + timeouts.headerReadNanos();
            case BODY -> lastBodyNanos + timeouts.bodyIdleNanos();
            default -> throw new IllegalArgumentException("no deadline in phase " + phase);
        };
    }

    private void arm(long now) {
        int phase = phase();
        if (phase == NONE) {
            return; // a pending timer finds nothing to do and stops
        }
        long deadline = deadline(phase);
        if (timer != null) {
            if (timerAtNanos - deadline <= 0) {
                return; // fires early enough; it reschedules itself for the rest
            }
            timer.cancel(false);
        }
        timerAtNanos = deadline;
        timer = ctx.executor().schedule(this, Math.max(0, deadline - now), TimeUnit.NANOSECONDS);
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(int phase) {
        ByteBuf answer = switch (phase) {
            case HEAD -> timeouts.headerTimeoutResponse();
            // Only when no answer (to this or an earlier, pipelined request) is being written.
            case BODY ->
                responseStarted || responsesEnded < requestsStarted - 1 ? null : timeouts.bodyTimeoutResponse();
            default -> null;
        };
        if (answer == null) {
            ctx.channel().close();
            return;
        }
        closeWith(answer);
    }

    private void closeWith(ByteBuf answer) {
        ctx.channel().config().setAutoRead(false);
        // Written below the HTTP codec: the relay's own response machinery has nothing in flight to mix with.
        bytesCtx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
    }

    /** Notes when raw bytes arrive, before the HTTP decoder turns them into messages. */
    private final class ByteArrivals extends ChannelInboundHandlerAdapter {

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            bytesCtx = ctx;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            long now = System.nanoTime();
            lastReadNanos = now;
            if (requestsStarted == requestsEnded) {
                if (!headInProgress && startsRequest(msg)) {
                    headInProgress = true;
                    headStartNanos = now;
                }
            } else {
                lastBodyNanos = now;
            }
            // The decoder passes the messages it decodes from these bytes down the pipeline before
            // this call returns, so the phase is up to date when the timer is armed.
            ctx.fireChannelRead(msg);
            arm(now);
        }

        /** Empty lines before a request line are ignored (RFC 9112 2.2): they start no request. */
        private static boolean startsRequest(Object msg) {
            if (!(msg instanceof ByteBuf bytes)) {
                return true;
            }
            for (int i = bytes.readerIndex(); i < bytes.writerIndex(); i++) {
                byte b = bytes.getByte(i);
                if (b != '\r' && b != '\n') {
                    return true;
                }
            }
            return false;
        }
    }
}
