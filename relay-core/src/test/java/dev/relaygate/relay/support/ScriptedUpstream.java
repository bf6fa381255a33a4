package dev.relaygate.relay.support;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream on 127.0.0.1 whose every answer a test scripts byte by byte (a Vert.x server): for behaviour the
 * WireMock mocks cannot show, such as headers and one event followed by silence, or an answer held open.
 */
public final class ScriptedUpstream implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;
    private final AtomicInteger received = new AtomicInteger();

    private ScriptedUpstream(Handler<HttpServerRequest> script) {
        this.vertx = Vertx.vertx();
        this.server = vertx.createHttpServer(
                        new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(request -> {
                    received.incrementAndGet();
                    script.handle(request);
                });
    }

    /** Starts a server that counts each request, then hands it to {@code script} (on the server's event loop). */
    public static ScriptedUpstream start(Handler<HttpServerRequest> script) {
        ScriptedUpstream upstream = new ScriptedUpstream(script);
        try {
            upstream.server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            upstream.vertx.close();
            throw new IllegalStateException("scripted upstream did not start", e);
        }
        return upstream;
    }

    /** The base URL a relay environment points at ({@code http://127.0.0.1:PORT/v1}). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort() + "/v1";
    }

    public int received() {
        return received.get();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("scripted upstream did not stop", e);
        }
    }
}
