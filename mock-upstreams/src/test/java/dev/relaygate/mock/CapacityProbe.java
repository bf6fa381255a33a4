package dev.relaygate.mock;

import static dev.relaygate.mock.MockClient.body;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Not a test: measures what one mock sustains on this machine (client and mock share the cores, so the
 * figures are a floor). Run:
 * {@code ./mvnw -q -B -pl mock-upstreams test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.relaygate.mock.CapacityProbe}
 */
public final class CapacityProbe {

    private static final String KEY = "sk-probe";

    public static void main(String[] args) throws Exception {
        ProfileSettings instant =
                ProfileSettings.healthy().withTimeToFirstEventMs(0).withGapBetweenEventsMs(0);
        try (MockUpstream mock =
                MockUpstream.start(MockSettings.of("probe", KEY).withProfile(instant))) {
            throughput(mock, false, 32, 3);
            throughput(mock, true, 32, 3);
            // Alternated, because load from other processes on this machine drifts during a run.
            for (int round = 1; round <= 2; round++) {
                System.out.printf(
                        "round %d: JSON requests/s (32 closed-loop clients, 10 s): %.0f%n",
                        round, throughput(mock, false, 32, 10));
                System.out.printf(
                        "round %d: SSE  streams/s  (32 closed-loop clients, 10 s): %.0f%n",
                        round, throughput(mock, true, 32, 10));
            }
        }
        // Streams of 11 events (8 content, finish, usage, [DONE]) 100 ms apart: ideal duration 1.1 s: how many run at
        // once without queueing.
        for (int threads : new int[] {MockSettings.DEFAULT_THREADS, 1_000}) {
            ProfileSettings paced =
                    ProfileSettings.healthy().withTimeToFirstEventMs(100).withGapBetweenEventsMs(100);
            try (MockUpstream mock = MockUpstream.start(
                    MockSettings.of("probe", KEY).withProfile(paced).withThreads(threads, threads))) {
                concurrent(mock, threads, 100); // warm-up: JIT and connection set-up
                for (int n : new int[] {200, 300, 500, 800}) {
                    concurrent(mock, threads, n);
                }
            }
        }
        System.exit(0);
    }

    private static double throughput(MockUpstream mock, boolean stream, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String request = body("throughput probe", stream, stream);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    HttpResponse<String> r = MockClient.chat(mock, KEY, request);
                    (r.statusCode() == 200 && (!stream || r.body().endsWith("[DONE]\n\n")) ? ok : failed).increment();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
        if (failed.sum() > 0) {
            System.out.println("  failures: " + failed.sum());
        }
        return ok.sum() / (double) seconds;
    }

    private static void concurrent(MockUpstream mock, int threads, int n) throws Exception {
        List<CompletableFuture<Long>> calls = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            calls.add(MockClient.HTTP
                    .sendAsync(
                            MockClient.chatRequest(mock, KEY, body("c" + i, true, true))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .thenApply(r -> r.statusCode() == 200 && r.body().endsWith("data: [DONE]\n\n")
                            ? (System.nanoTime() - start) / 1_000_000
                            : -1L));
        }
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) {
            ms[i] = calls.get(i).get(120, TimeUnit.SECONDS);
        }
        long failures = Arrays.stream(ms).filter(v -> v < 0).count();
        Arrays.sort(ms);
        System.out.printf(
                "threads %4d: %4d concurrent 1.1 s streams -> complete %d/%d, p50 %d ms, max %d ms%n",
                threads, n, n - failures, n, ms[n / 2], ms[n - 1]);
    }

    private CapacityProbe() {}
}
