package dev.relaygate.gates;

import dev.relaygate.gates.relays.RelayUnderTest;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * An in-process HTTP load client on one Vert.x event loop, for figures finer than Gatling's whole
 * milliseconds. Open loop: requests go out at their intended instants whatever the server does, and
 * latency is measured from the intended instant (so a stalled server cannot hide its stall by slowing
 * the client down: no coordinated omission). Closed loop: N requests always in flight, for saturation.
 */
public final class OpenLoopClient implements AutoCloseable {

    /** What one block sent and how it went. */
    public record BlockResult(long sent, long completed, long failed, long elapsedNanos) {
        public double completedPerSecond() {
            return completed / (elapsedNanos / 1e9);
        }
    }

    /** One target: the chat-completions URL, the bearer key it accepts and headers to add to every request. */
    public record Target(String name, String chatUrl, String bearerKey, Map<String, String> headers) {

        public Target {
            headers = Map.copyOf(headers);
        }

        public Target(String name, String chatUrl, String bearerKey) {
            this(name, chatUrl, bearerKey, Map.of());
        }

        /** A relay under test's chat endpoint, with its headers as they are now. */
        public static Target of(RelayUnderTest relay) {
            return new Target(
                    relay.name(), relay.baseUrl() + "/v1/chat/completions", relay.clientKey(), relay.headers());
        }
    }

    private static final long RESPONSE_TIMEOUT_MS = 10_000;
    private static final int KEEP_ALIVE_SECONDS = 15;

    /** Why requests failed, over all blocks, by target: a status or the exception's class (a bounded key set). */
    private final Map<String, LongAdder> failureCauses = new ConcurrentHashMap<>();

    private final Vertx vertx;
    private final HttpClientAgent client;
    private final Buffer body;

    public OpenLoopClient(int maxConnectionsPerTarget, String requestBody) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        this.client = vertx.createHttpClient(
                // Idle connections close before the mock's own 30 s idle timeout can race a request on them
                // (the relay's upstream.keep_alive_timeout_seconds default does the same): both arms alike.
                new HttpClientOptions()
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(KEEP_ALIVE_SECONDS)
                        .setTcpNoDelay(true)
                        .setPipelining(false),
                new PoolOptions().setHttp1MaxSize(maxConnectionsPerTarget).setMaxWaitQueueSize(-1));
        this.body = Buffer.buffer(requestBody);
    }

    /**
     * Sends {@code ratePerSecond} requests per second for {@code duration}, each recorded (microseconds
     * from its intended send instant to the last response byte) into {@code latency}.
     */
    public BlockResult openLoop(Target target, double ratePerSecond, Duration duration, LatencyRecorder latency) {
        RequestOptions options = options(target);
        long intervalNanos = (long) (1e9 / ratePerSecond);
        long total = (long) (ratePerSecond * duration.toNanos() / 1e9);
        if (total < 1) {
            throw new IllegalArgumentException("rate_per_sec x duration must give at least one request, but gave "
                    + ratePerSecond + " x " + duration);
        }
        AtomicLong sent = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        CompletableFuture<Void> done = new CompletableFuture<>();
        long start = System.nanoTime();
        // A 1 ms timer on the client's event loop sends every request whose intended instant has passed;
        // late ticks send their backlog at once, still timed from the intended instants.
        vertx.runOnContext(v -> vertx.setPeriodic(1, id -> {
            long now = System.nanoTime();
            while (sent.get() < total) {
                long intended = start + sent.get() * intervalNanos;
                if (intended - now > 0) {
                    break;
                }
                sent.incrementAndGet();
                send(options).onComplete(ar -> {
                    if (ok(ar, target)) {
                        latency.recordNanos(System.nanoTime() - intended);
                    } else {
                        failed.incrementAndGet();
                    }
                    if (completed.incrementAndGet() == total) {
                        done.complete(null);
                    }
                });
            }
            if (sent.get() >= total) {
                vertx.cancelTimer(id);
            }
        }));
        await(done, duration);
        return new BlockResult(sent.get(), completed.get() - failed.get(), failed.get(), System.nanoTime() - start);
    }

    /** Keeps {@code concurrency} requests in flight for {@code duration}; returns what completed. */
    public BlockResult closedLoop(Target target, int concurrency, Duration duration) {
        RequestOptions options = options(target);
        AtomicLong sent = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        CompletableFuture<Void> done = new CompletableFuture<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        Runnable[] loop = new Runnable[1];
        loop[0] = () -> {
            if (System.nanoTime() - end >= 0) {
                if (inFlight.decrementAndGet() == 0) {
                    done.complete(null);
                }
                return;
            }
            sent.incrementAndGet();
            send(options).onComplete(ar -> {
                if (ok(ar, target)) {
                    completed.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                loop[0].run();
            });
        };
        vertx.runOnContext(v -> {
            for (int i = 0; i < concurrency; i++) {
                inFlight.incrementAndGet();
                loop[0].run();
            }
        });
        await(done, duration);
        long elapsed = System.nanoTime() - start;
        return new BlockResult(sent.get(), completed.get(), failed.get(), elapsed);
    }

    /** The status of an answer whose body was read whole. */
    private Future<Integer> send(RequestOptions options) {
        return client.request(options)
                .compose(req -> req.send(body))
                .compose(resp -> resp.body().map(b -> resp.statusCode()));
    }

    /** A 200 read whole; anything else is tallied under its cause. */
    private boolean ok(AsyncResult<Integer> ar, Target target) {
        if (ar.succeeded() && ar.result() == 200) {
            return true;
        }
        String cause = target.name() + ": "
                + (ar.succeeded()
                        ? "status " + ar.result()
                        : ar.cause().getClass().getSimpleName());
        failureCauses.computeIfAbsent(cause, k -> new LongAdder()).increment();
        return false;
    }

    /** Failed requests so far (warm-up included) by cause, e.g. {@code {"direct: status 503": 2}}. */
    public Map<String, Long> failureCauses() {
        Map<String, Long> out = new TreeMap<>();
        failureCauses.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static RequestOptions options(Target target) {
        URI uri = URI.create(target.chatUrl());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(uri.getHost())
                .setPort(uri.getPort())
                .setURI(uri.getRawPath())
                .setIdleTimeout(RESPONSE_TIMEOUT_MS)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + target.bearerKey());
        target.headers().forEach((name, value) -> options.putHeader(name, value));
        return options;
    }

    private static void await(CompletableFuture<Void> done, Duration duration) {
        try {
            done.get(duration.toMillis() + RESPONSE_TIMEOUT_MS + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the load block", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(
                    "load block did not finish within its duration plus " + RESPONSE_TIMEOUT_MS + " ms", e);
        }
    }

    @Override
    public void close() {
        client.close();
        vertx.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }
}
