package dev.relaygate.relay;

import dev.relaygate.relay.config.ServerConfig;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Admits a client connection or refuses it, and installs the {@link ClientPhaseTimer} on each admitted
 * one. Shared by all server instances (event loops) of one relay, so the limit counts every connection.
 *
 * <p>A connection past {@code max_connections} is answered 503 in the OpenAI shape with
 * {@code Connection: close} and closed at once. The limit sits below the process's open-file limit with room
 * for {@link DescriptorBudget#REFUSING} refusals in flight (see {@link DescriptorBudget}); once accepted
 * connections reach the limit plus that room, the listening socket stops taking connections off the kernel's
 * backlog (where they hold no descriptor of ours) until some close. A burst larger than the open-file limit
 * thus waits in the kernel and is refused in turn, instead of running the process out of descriptors.
 *
 * <p>The count of accepted connections is kept by {@link AcceptGate}, a handler on the listening channel,
 * so it is exact at the moment of accept: the acceptor takes connections much faster than the event loops
 * set them up. It is installed through the first connection's parent channel (Vert.x does not expose the
 * listening channel); {@link RelayServer} makes that first connection itself at start.
 *
 * <p>Relies on Vert.x 5.0 internals: an HTTP/1.1 server connection is a {@link ConnectionBase} (for its Netty
 * channel), and with h2c off the connection handler runs as soon as the connection is set up, before any byte
 * is read, with the pipeline's handlers named {@code httpDecoder} and {@code handler}.
 */
final class ConnectionGuard {

    private static final System.Logger LOG = System.getLogger(ConnectionGuard.class.getName());
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final int maxConnections;
    private final int pauseAt;
    private final long resumeBelow;
    private final ClientTimeouts timeouts;
    private final RequestFraming framing = new RequestFraming();
    private final ByteBuf overLimit;
    /** Admitted connections. */
    private final AtomicInteger open = new AtomicInteger();
    /** Accepted connections not yet closed, admitted or refused: the descriptors client connections hold. */
    private final AtomicInteger accepted = new AtomicInteger();

    private final LongAdder refused = new LongAdder();
    private final AtomicLong lastRefusalLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private final AtomicBoolean gateRequested = new AtomicBoolean();
    private final AcceptGate gate = new AcceptGate();
    private final ChannelFutureListener admittedClosed = f -> open.decrementAndGet();

    ConnectionGuard(ServerConfig server, DescriptorBudget budget) {
        this.maxConnections = budget.maxConnections();
        this.resumeBelow = budget.resumeBelow();
        this.pauseAt = maxConnections + DescriptorBudget.REFUSING;
        this.timeouts = new ClientTimeouts(server);
        this.overLimit = ClientTimeouts.closingResponse(
                503,
                "Service Unavailable",
                "the relay is at its connection limit (" + budget.maxConnections()
                        + ", server.max_connections); retry later",
                "connection_limit");
    }

    /** Vert.x connection handler: runs on the connection's event loop right after accept. */
    void accept(HttpConnection connection) {
        Channel channel = ((ConnectionBase) connection).channel();
        Channel server = channel.parent();
        if (server != null && !gateRequested.get() && gateRequested.compareAndSet(false, true)) {
            server.eventLoop().execute(() -> server.pipeline().addFirst("relayAcceptGate", gate));
        }
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            refuse(channel);
            return;
        }
        channel.closeFuture().addListener(admittedClosed);
        ClientPhaseTimer phases = new ClientPhaseTimer(timeouts, framing);
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addBefore("httpDecoder", "relayByteArrivals", phases.bytes());
        pipeline.addBefore("handler", "relayClientPhases", phases);
    }

    private void refuse(Channel channel) {
        refused.increment();
        channel.config().setAutoRead(false);
        // Written from the head of the pipeline: below the HTTP codec, which never sees it.
        channel.pipeline().firstContext().writeAndFlush(overLimit.duplicate()).addListener(ChannelFutureListener.CLOSE);
        long now = System.nanoTime();
        long last = lastRefusalLog.get();
        if (now - last >= LOG_EVERY_NANOS && lastRefusalLog.compareAndSet(last, now)) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "connection limit reached (server.max_connections = " + maxConnections
                            + "): new connections are answered 503 and closed; " + refused.sum() + " so far");
        }
    }

    /** True once accepted connections are counted at the listening channel. */
    boolean acceptGateInstalled() {
        return gate.installed;
    }

    int maxConnections() {
        return maxConnections;
    }

    /** Connections open now (admitted and not yet closed). */
    int openConnections() {
        return open.get();
    }

    /** Connections answered 503 because the limit was reached, since start. */
    long refusedConnections() {
        return refused.sum();
    }

    /**
     * On the listening channel, on the acceptor's event loop: counts each accepted connection until it closes
     * and pauses accepting at {@code max_connections + REFUSING}. Pausing and resuming both run on the acceptor's
     * event loop, so they never interleave.
     */
    private final class AcceptGate extends ChannelInboundHandlerAdapter implements Runnable {

        private volatile boolean installed;
        private volatile boolean paused;
        private Channel server;
        private final ChannelFutureListener closed = f -> released();
        private boolean recheckScheduled;
        private final Runnable recheck = () -> {
            recheckScheduled = false;
            run();
        };

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            server = ctx.channel();
            installed = true;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel child) {
                accepted.incrementAndGet();
                child.closeFuture().addListener(closed);
                if (accepted.get() >= pauseAt) {
                    paused = true;
                    server.config().setAutoRead(false);
                    // A connection that closed between the count and the flag saw no pause to undo: look again.
                    run();
                }
            }
            ctx.fireChannelRead(msg);
        }

        /** Any thread: decrement, then read the flag; the pause sets the flag, then reads the count. */
        private void released() {
            accepted.decrementAndGet();
            if (paused) {
                server.eventLoop().execute(this);
            }
        }

        /**
         * Resumes accepting if paused and below the threshold; on the acceptor's event loop. A closed
         * connection's descriptor is released a little after its close completes (when its event loop's
         * selector drops it), so under a sustained flood the count alone lags the descriptors really open:
         * resume only if those, plus what may be accepted before the next pause, stay below
         * {@code resumeBelow}; else look again shortly.
         */
        @Override
        public void run() {
            if (!paused || recheckScheduled || accepted.get() >= pauseAt) {
                return;
            }
            if (resumeBelow != Long.MAX_VALUE
                    && DescriptorBudget.openDescriptors() + (pauseAt - accepted.get()) >= resumeBelow) {
                recheckScheduled = true;
                server.eventLoop().schedule(recheck, 10, TimeUnit.MILLISECONDS);
                return;
            }
            paused = false;
            server.config().setAutoRead(true);
        }
    }
}
