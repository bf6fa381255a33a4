package dev.relaygate.relay.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.exchange.Outcome;
import dev.relaygate.relay.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Per-thread writers merged by one reader: nothing is lost or counted twice under concurrency. */
final class ConcurrentRecordingTest {

    private static final int WRITERS = 4;
    private static final int PER_WRITER = 50_000;

    private final EnvironmentMetrics metrics = new EnvironmentMetrics(Environment.GREEN, Clock.system());

    @Test
    void everySampleLandsInExactlyOneIntervalWhileWritersAndReadersRace() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(writer(start, PER_WRITER));
        }
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        List<IntervalSnapshot> intervals = new ArrayList<>();
        Thread tick = new Thread(
                () -> {
                    while (!done.get()) {
                        intervals.add(metrics.takeInterval());
                        Thread.onSpinWait();
                    }
                },
                "tick");
        // Status readers only ever see growing totals and never steal from the tick.
        Thread status = new Thread(
                () -> {
                    long last = 0;
                    while (!done.get()) {
                        MetricsSnapshot s = metrics.accumulated();
                        if (s.counts().requests() < last
                                || s.latency().samples() > s.counts().requests()) {
                            readerFailure.set(new AssertionError("status went backwards or ahead: " + s));
                        }
                        last = s.counts().requests();
                    }
                },
                "status");
        tick.start();
        status.start();
        start.countDown();
        for (Thread t : writers) {
            t.join();
        }
        done.set(true);
        tick.join();
        status.join();
        intervals.add(metrics.takeInterval());

        long total = (long) WRITERS * PER_WRITER;
        long requests = 0;
        long errors5xx = 0;
        long latencySamples = 0;
        long ttfbSamples = 0;
        for (IntervalSnapshot s : intervals) {
            requests += s.counts().requests();
            errors5xx += s.counts().status5xx();
            latencySamples += s.latencyMicros().getTotalCount();
            ttfbSamples += s.ttfbMicros().getTotalCount();
        }
        assertThat(readerFailure.get()).isNull();
        assertThat(requests).isEqualTo(total);
        assertThat(errors5xx).isEqualTo(total / 10);
        assertThat(latencySamples).isEqualTo(total);
        assertThat(ttfbSamples).isEqualTo(total - total / 10);
        MetricsSnapshot accumulated = metrics.accumulated();
        assertThat(accumulated.counts().requests()).isEqualTo(total);
        assertThat(accumulated.latency().samples()).isEqualTo(total);
        assertThat(accumulated.ttfb().samples()).isEqualTo(total - total / 10);
        assertThat(metrics.counts()).isEqualTo(accumulated.counts());
    }

    @Test
    void samplesOfThreadsThatHaveFinishedAreKeptAndTheirWritersReleased() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        start.countDown();
        for (int round = 0; round < 20; round++) {
            Thread shortLived = writer(start, 1_000);
            shortLived.join();
            if (round % 3 == 0) {
                metrics.accumulated(); // sometimes a reader drains between two short-lived threads
            }
        }
        IntervalSnapshot interval = metrics.takeInterval();
        assertThat(interval.counts().requests()).isEqualTo(20_000);
        assertThat(interval.latencyMicros().getTotalCount()).isEqualTo(20_000);
        assertThat(metrics.accumulated().counts().requests()).isEqualTo(20_000);
        assertThat(metrics.takeInterval().counts().requests()).isZero();
    }

    private Thread writer(CountDownLatch start, int records) {
        Thread t = new Thread(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (int i = 0; i < records; i++) {
                if (i % 10 == 0) {
                    metrics.recordOutcome(Outcome.RESPONSE, 503, 1_000 + i, -1);
                } else {
                    metrics.recordOutcome(Outcome.RESPONSE, 200, 1_000 + i, 500 + i);
                }
            }
        });
        t.start();
        return t;
    }
}
