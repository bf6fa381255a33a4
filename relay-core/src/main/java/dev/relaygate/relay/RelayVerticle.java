package dev.relaygate.relay;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server instance on one event loop. Several instances listen on the same port and
 * Vert.x spreads accepted connections over them.
 */
final class RelayVerticle extends VerticleBase {

    private final String host;
    private final int port;
    private final Handler<HttpServerRequest> handler;
    private final long drainTimeoutMs;
    private final ConnectionGuard guard;
    private HttpServer server;

    RelayVerticle(
            String host, int port, Handler<HttpServerRequest> handler, long drainTimeoutMs, ConnectionGuard guard) {
        this.host = host;
        this.port = port;
        this.handler = handler;
        this.drainTimeoutMs = drainTimeoutMs;
        this.guard = guard;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setTcpNoDelay(true)
                .setCompressionSupported(false)
                .setHandle100ContinueAutomatically(true)
                // HTTP/1.1 only: with h2c off, Vert.x hands over each connection as soon as it is accepted,
                // so the connection limit and the client-phase timers cover connections that never send a byte.
                .setHttp2ClearTextEnabled(false);
        server = vertx.createHttpServer(options)
                .connectionHandler(guard::accept)
                .invalidRequestHandler(ParserRejections::answer)
                .requestHandler(handler);
        return server.listen();
    }

    /** Graceful: stop accepting, let in-flight requests and streams finish up to the drain timeout. */
    @Override
    public Future<?> stop() {
        return server.shutdown(drainTimeoutMs, TimeUnit.MILLISECONDS);
    }

    int actualPort() {
        return server.actualPort();
    }
}
