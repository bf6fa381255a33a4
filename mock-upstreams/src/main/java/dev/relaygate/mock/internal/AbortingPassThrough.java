package dev.relaygate.mock.internal;

import io.netty.channel.ChannelOption;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

/**
 * Byte-budget TCP pass-through in front of WireMock (WireMock cannot drop a connection mid-stream by itself).
 * Bytes flow unchanged both ways with back-pressure; when a response carries {@code X-Relaygate-Cut}, both
 * sockets close once the budget has passed, so the client sees no {@code [DONE]} and no clean chunked end.
 *
 * <p>Threading: NetClient.connect is called from the front socket's event-loop context, so both sockets of a
 * pair and their {@link CutScanner} run on one event loop; no locking needed.
 */
public final class AbortingPassThrough {

    private final Vertx vertx;
    private final NetClient client;
    private final int backendPort;
    private final ServedCounter counter;
    private NetServer server;

    public AbortingPassThrough(Vertx vertx, int backendPort, ServedCounter counter) {
        this.vertx = vertx;
        this.backendPort = backendPort;
        this.counter = counter;
        this.client =
                vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(5_000));
    }

    /** Listens on 127.0.0.1:port (0 = any free port); returns the bound port. */
    public Future<Integer> listen(int port) {
        NetServerOptions options = new NetServerOptions()
                .setHost("127.0.0.1")
                .setPort(port)
                .setTcpNoDelay(true)
                .setAcceptBacklog(1024);
        return vertx.createNetServer(options)
                .connectHandler(this::accept)
                .listen()
                .map(s -> {
                    server = s;
                    return s.actualPort();
                });
    }

    private void accept(NetSocket front) {
        front.pause();
        client.connect(backendPort, "127.0.0.1").onComplete(ar -> {
            if (ar.failed()) {
                front.close();
                return;
            }
            NetSocket back = ar.result();
            // A backend failure (WireMock's CONNECTION_RESET_BY_PEER fault) is passed on as a reset, not a FIN.
            boolean[] backFailed = {false};
            back.exceptionHandler(e -> backFailed[0] = true);
            front.exceptionHandler(e -> back.close());
            front.closeHandler(v -> back.close());
            back.closeHandler(v -> {
                if (backFailed[0]) {
                    reset(front);
                } else {
                    front.close();
                }
            });
            pump(front, back);
            CutScanner scanner = new CutScanner();
            back.handler(buffer -> {
                int cut = scanner.feed(buffer);
                if (cut == CutScanner.NO_CUT) {
                    forward(buffer, back, front);
                } else {
                    counter.abortedOne();
                    back.pause();
                    front.write(buffer.slice(0, cut)).onComplete(done -> {
                        front.close();
                        back.close();
                    });
                }
            });
            front.resume();
        });
    }

    /** Closes with SO_LINGER 0, so the client sees a TCP RST (Vert.x exposes no reset on NetSocket). */
    private static void reset(NetSocket socket) {
        if (socket instanceof NetSocketInternal internal) {
            internal.channelHandlerContext().channel().config().setOption(ChannelOption.SO_LINGER, 0);
        }
        socket.close();
    }

    /** Front-to-back direction: plain copy with back-pressure. */
    private static void pump(NetSocket from, NetSocket to) {
        from.handler(buffer -> forward(buffer, from, to));
    }

    private static void forward(Buffer buffer, NetSocket from, NetSocket to) {
        to.write(buffer);
        if (to.writeQueueFull()) {
            from.pause();
            to.drainHandler(v -> from.resume());
        }
    }

    public Future<Void> close() {
        Future<Void> serverClosed = server == null ? Future.succeededFuture() : server.close();
        return serverClosed.eventually(() -> client.close());
    }
}
