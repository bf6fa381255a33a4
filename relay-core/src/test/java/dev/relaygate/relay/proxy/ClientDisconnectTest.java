package dev.relaygate.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.metrics.Counts;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.time.RandomSource;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class ClientDisconnectTest {

    @Test
    void aClientDisconnectCancelsTheUpstreamRequestAtOnce() throws Exception {
        // An upstream that streams an event every 50 ms for a minute and notes when its connection closes.
        Vertx vertx = Vertx.vertx();
        AtomicInteger eventsSent = new AtomicInteger();
        CompletableFuture<Long> upstreamClosedAt = new CompletableFuture<>();
        HttpServer upstream = vertx.createHttpServer().requestHandler(req -> {
            req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            long timer = vertx.setPeriodic(50, id -> {
                req.response().write("data: {\"n\":" + eventsSent.incrementAndGet() + "}\n\n");
            });
            req.connection().closeHandler(v -> {
                vertx.cancelTimer(timer);
                upstreamClosedAt.complete(System.nanoTime());
            });
        });
        int port = upstream.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
        String url = "http://127.0.0.1:" + port + "/v1";
        try (RelayServer relay =
                RelayServer.start(RelayFixture.baseConfig(url, url), Clock.system(), RandomSource.threadLocal())) {
            String body = Http.chatBody("m", true);
            long closedByClientAt;
            try (Socket socket = new Socket("127.0.0.1", relay.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: relay\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                InputStream in = socket.getInputStream();
                String received = "";
                byte[] buf = new byte[4096];
                while (!received.contains("\"n\":2")) {
                    int n = in.read(buf);
                    assertThat(n).as("relay closed before two events").isPositive();
                    received += new String(buf, 0, n, StandardCharsets.UTF_8);
                }
                closedByClientAt = System.nanoTime();
            }
            long lagMs = (upstreamClosedAt.get(10, TimeUnit.SECONDS) - closedByClientAt) / 1_000_000;
            assertThat(lagMs)
                    .as("upstream cancelled %d ms after the client left", lagMs)
                    .isLessThan(5_000);
            int sentAtCancel = eventsSent.get();
            Thread.sleep(300);
            assertThat(eventsSent.get())
                    .as("upstream kept streaming after the cancel")
                    .isEqualTo(sentAtCancel);
            Counts counts = relay.metrics().blue().counts();
            assertThat(counts.clientCancelled()).isEqualTo(1);
            assertThat(counts.errors(true)).isZero();
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
