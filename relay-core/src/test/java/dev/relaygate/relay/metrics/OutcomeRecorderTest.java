package dev.relaygate.relay.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.exchange.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class OutcomeRecorderTest {

    private final OutcomeRecorder recorder = new OutcomeRecorder(3_600_000_000L, 3);

    private Counts drain() {
        List<Counts> seen = new ArrayList<>();
        recorder.drainTo(t -> seen.add(t.counts()));
        return seen.stream().reduce(Counts.ZERO, Counts::plus);
    }

    @Test
    void eachThreadGetsOneWriterAndAFinishedThreadsWriterIsDroppedAfterItsLastDrain() throws Exception {
        recorder.record(Outcome.RESPONSE, 200, 10, 5);
        recorder.record(Outcome.RESPONSE, 200, 10, 5);
        assertThat(recorder.writerCount()).isEqualTo(1);
        Thread other = new Thread(() -> recorder.record(Outcome.TIMEOUT, 0, 30, -1));
        other.start();
        other.join();
        assertThat(recorder.writerCount()).isEqualTo(2);

        Counts drained = drain();
        assertThat(drained.requests()).isEqualTo(3);
        assertThat(drained.timeouts()).isEqualTo(1);
        assertThat(recorder.writerCount()).isEqualTo(1);
        assertThat(drain()).isEqualTo(Counts.ZERO);
    }

    @Test
    void aDrainHandsOverEachTallyOnceAndClearsIt() {
        recorder.record(Outcome.RESPONSE, 429, 2_000, 100);
        List<Long> latencyCounts = new ArrayList<>();
        recorder.drainTo(t -> latencyCounts.add(t.latency().getTotalCount()));
        recorder.drainTo(t -> latencyCounts.add(t.latency().getTotalCount()));
        assertThat(latencyCounts).containsExactly(1L);
        recorder.record(Outcome.CLIENT_CANCELLED, 200, 2_000, 100);
        recorder.drainTo(t -> {
            assertThat(t.counts().clientCancelled()).isEqualTo(1);
            assertThat(t.latency().getTotalCount())
                    .as("cancelled requests have no latency sample")
                    .isZero();
            assertThat(t.ttfb().getTotalCount()).isEqualTo(1);
        });
    }
}
