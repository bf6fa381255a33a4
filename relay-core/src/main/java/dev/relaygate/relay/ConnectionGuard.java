package dev.relaygate.relay;

import dev.relaygate.relay.config.ServerConfig;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Admits a client connection or refuses it, and installs the {@link ClientPhaseTimer} on each admitted
 * one. Shared by all server instances (event loops) of one relay, so the limit counts every connection.
 *
 * <p>A connection past {@code max_connections} is answered 503 in the OpenAI shape with
 * {@code Connection: close} and closed at once, so it holds its descriptor only for that write; the limit
 * itself sits below the process's open-file limit (see {@link DescriptorBudget}), so accepting never runs
 * out of descriptors.
 *
 * <p>Relies on two Vert.x 5.0 internals: an HTTP/1.1 server connection is a {@link ConnectionBase} (for its
 * Netty channel), and with h2c off the connection handler runs as soon as the connection is accepted,
 * before any byte is read, with the pipeline's handlers named {@code httpDecoder} and {@code handler}.
 */
final class ConnectionGuard {

    private static final System.Logger LOG = System.getLogger(ConnectionGuard.class.getName());
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final int maxConnections;
    private final ClientTimeouts timeouts;
    private final RequestFraming framing = new RequestFraming();
    private final ByteBuf overLimit;
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder refused = new LongAdder();
    private final AtomicLong lastRefusalLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    ConnectionGuard(ServerConfig server, int maxConnections) {
        this.maxConnections = maxConnections;
        this.timeouts = new ClientTimeouts(server);
        this.overLimit = ClientTimeouts.closingResponse(
                503,
                "Service Unavailable",
                "the relay is at its connection limit (" + maxConnections + ", server.max_connections); retry later",
                "connection_limit");
    }

    /** Vert.x connection handler: runs on the connection's event loop right after accept. */
    void accept(HttpConnection connection) {
        Channel channel = ((ConnectionBase) connection).channel();
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            refuse(channel);
            return;
        }
        channel.closeFuture().addListener(f -> open.decrementAndGet());
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
}
