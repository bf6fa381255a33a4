package dev.relaygate.relay.bench;

import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.config.EnvironmentConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.ServerConfig;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.time.RandomSource;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.VertxInternal;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Quick loopback measurement of the relay's added latency by hand (not a gate: the gatling and jmh modules own those).
 * A fixed-answer Vert.x upstream, the relay in front of it, and a Vert.x client in one JVM:
 * (1) open-loop at a fixed rate, alternating direct and relayed blocks, latency measured from the
 * intended send time; (2) closed-loop saturation, requests/s direct and relayed, plus CPU time of
 * the relay's event-loop threads per relayed request.
 *
 * <p>Run: {@code ./mvnw -q -B -pl relay-core exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.relaygate.relay.bench.LoopbackOverheadMain [-Dexec.args="RATE BLOCK_SECONDS BLOCKS"]}
 */
public final class LoopbackOverheadMain {

    private static final Buffer ANSWER = Buffer.buffer(
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\","
                    + "\"model\":\"gpt-4.1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1,\"total_tokens\":4}}");
    private static final Buffer REQUEST = Buffer.buffer("{\"model\":\"gpt-4.1\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Say hello\"}],\"max_tokens\":8}");

    private LoopbackOverheadMain() {}

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int blockSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int blocks = args.length > 2 ? Integer.parseInt(args[2]) : 4;

        Vertx upstreamVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        int upstreamPort = upstreamVertx
                .createHttpServer()
                .requestHandler(req -> req.body()
                        .onSuccess(b -> req.response()
                                .putHeader("Content-Type", "application/json")
                                .end(ANSWER)))
                .listen(0, "127.0.0.1")
                .await(10, TimeUnit.SECONDS)
                .actualPort();
        String upstreamUrl = "http://127.0.0.1:" + upstreamPort + "/v1";
        RelayConfig config = RelayConfig.of(
                        EnvironmentConfig.of("blue", upstreamUrl, "sk-b"),
                        EnvironmentConfig.of("green", upstreamUrl, "sk-g"),
                        "admin")
                .withServer(new ServerConfig("127.0.0.1", 0, 1_000L, 1));
        RelayServer relay = RelayServer.start(config, Clock.system(), RandomSource.threadLocal());

        Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpClientAgent client = clientVertx
                .httpClientBuilder()
                .with(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true))
                .with(new PoolOptions().setHttp1MaxSize(64))
                .build();
        Target direct = new Target("direct ", client, upstreamPort, "/v1/chat/completions");
        Target relayed = new Target("relayed", client, relay.port(), "/v1/chat/completions");

        System.out.printf(
                Locale.ROOT,
                "cores=%d jvm=%s%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        // Warm-up (JIT, pools), not measured.
        openLoop(clientVertx, direct, rate, 2, new Histogram(3));
        openLoop(clientVertx, relayed, rate, 2, new Histogram(3));

        Histogram directHist = new Histogram(3);
        Histogram relayedHist = new Histogram(3);
        for (int b = 0; b < blocks; b++) {
            openLoop(clientVertx, direct, rate, blockSeconds, directHist);
            openLoop(clientVertx, relayed, rate, blockSeconds, relayedHist);
        }
        print("open-loop " + rate + " req/s, direct ", directHist);
        print("open-loop " + rate + " req/s, relayed", relayedHist);
        System.out.printf(
                Locale.ROOT,
                "added latency: p50 %.3f ms, p99 %.3f ms%n",
                (relayedHist.getValueAtPercentile(50) - directHist.getValueAtPercentile(50)) / 1000.0,
                (relayedHist.getValueAtPercentile(99) - directHist.getValueAtPercentile(99)) / 1000.0);

        List<Long> relayThreads = eventLoopThreadIds(relay.vertx());
        for (int concurrency : new int[] {32, 64}) {
            closedLoop(direct, concurrency, 2);
            double directRps = closedLoop(direct, concurrency, 5);
            closedLoop(relayed, concurrency, 2);
            long cpuBefore = cpuNanos(relayThreads);
            AtomicLong served = new AtomicLong();
            double relayedRps = closedLoop(relayed, concurrency, 5, served);
            double cpuMicrosPerRequest = (cpuNanos(relayThreads) - cpuBefore) / 1_000.0 / served.get();
            System.out.printf(
                    Locale.ROOT,
                    "closed-loop concurrency %d: direct %.0f req/s, relayed %.0f req/s, "
                            + "relay event-loop CPU %.1f us/request%n",
                    concurrency,
                    directRps,
                    relayedRps,
                    cpuMicrosPerRequest);
        }
        relay.close();
        clientVertx.close().await(5, TimeUnit.SECONDS);
        upstreamVertx.close().await(5, TimeUnit.SECONDS);
        System.exit(0);
    }

    private record Target(String name, HttpClientAgent client, int port, String path) {

        Future<Integer> call() {
            return client.request(new RequestOptions()
                            .setMethod(HttpMethod.POST)
                            .setHost("127.0.0.1")
                            .setPort(port)
                            .setURI(path)
                            .putHeader("Content-Type", "application/json")
                            // a lost exchange fails after 10 s instead of stalling its chain
                            .setTimeout(10_000))
                    .compose(req -> req.send(REQUEST))
                    .compose(resp -> resp.body().map(b -> resp.statusCode()));
        }
    }

    /** Sends at fixed intended times; latency counts from the intended time (no coordinated omission). */
    private static void openLoop(Vertx vertx, Target target, int rate, int seconds, Histogram into) throws Exception {
        long total = (long) rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 10_000_000L;
        AtomicLong sent = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Promise<Void> finished = Promise.promise();
        Histogram local = new Histogram(3);
        vertx.runOnContext(v -> vertx.setPeriodic(1, id -> {
            long due = Math.min(total, (System.nanoTime() - start) / intervalNanos + 1);
            while (sent.get() < due) {
                long intended = start + sent.getAndIncrement() * intervalNanos;
                target.call().onComplete(ar -> {
                    local.recordValue(Math.max(1, (System.nanoTime() - intended) / 1_000));
                    if (done.incrementAndGet() == total) {
                        vertx.cancelTimer(id);
                        finished.complete();
                    }
                });
            }
        }));
        finished.future().await(seconds + 30L, TimeUnit.SECONDS);
        into.add(local);
    }

    private static double closedLoop(Target target, int concurrency, int seconds) throws Exception {
        return closedLoop(target, concurrency, seconds, new AtomicLong());
    }

    private static double closedLoop(Target target, int concurrency, int seconds, AtomicLong served) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        List<Future<Void>> workers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Promise<Void> p = Promise.promise();
            workers.add(p.future());
            loop(target, end, served, p);
        }
        try {
            Future.all(workers).await(seconds + 30L, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            long stuck = workers.stream().filter(w -> !w.isComplete()).count();
            throw new IllegalStateException(
                    target.name() + ": " + stuck + " of " + concurrency + " request chains did not finish; served "
                            + served.get(),
                    e);
        }
        return served.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void loop(Target target, long end, AtomicLong served, Promise<Void> done) {
        if (System.nanoTime() >= end) {
            done.complete();
            return;
        }
        target.call().onComplete(ar -> {
            if (ar.succeeded() && ar.result() == 200) {
                served.incrementAndGet();
            }
            loop(target, end, served, done);
        });
    }

    private static List<Long> eventLoopThreadIds(Vertx vertx) throws Exception {
        List<Long> ids = new CopyOnWriteArrayList<>();
        List<Future<Void>> all = new CopyOnWriteArrayList<>();
        ((VertxInternal) vertx).nettyEventLoopGroup().forEach(executor -> {
            Promise<Void> p = Promise.promise();
            all.add(p.future());
            executor.execute(() -> {
                ids.add(Thread.currentThread().getId());
                p.complete();
            });
        });
        Future.all(all).await(5, TimeUnit.SECONDS);
        return ids;
    }

    private static long cpuNanos(List<Long> threadIds) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threadIds) {
            sum += Math.max(0, mx.getThreadCpuTime(id));
        }
        return sum;
    }

    private static void print(String label, Histogram h) {
        System.out.printf(
                Locale.ROOT,
                "%s: n=%d p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                label,
                h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0);
    }
}
