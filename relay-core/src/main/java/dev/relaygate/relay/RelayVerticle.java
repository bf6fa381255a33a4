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
    private HttpServer server;

    RelayVerticle(String host, int port, Handler<HttpServerRequest> handler, long drainTimeoutMs) {
        this.host = host;
        this.port = port;
        this.handler = handler;
        this.drainTimeoutMs = drainTimeoutMs;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setTcpNoDelay(true)
                .setCompressionSupported(false)
                .setHandle100ContinueAutomatically(true);
        server = vertx.createHttpServer(options).requestHandler(handler);
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
