package dev.relaygate.relay.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.relay.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RequestLogTest {

    /** 2026-11-29T10:15:00Z */
    private static final long T0 = 1_795_947_300_000L;

    private static final long HOUR = 3_600_000L;

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(T0);
    private final Clock clock = new Clock() {
        @Override
        public long nanoTime() {
            return now.get() * 1_000_000;
        }

        @Override
        public long currentTimeMillis() {
            return now.get();
        }
    };

    private static RequestLogRecord record(String id) {
        return new RequestLogRecord(
                T0,
                id,
                "4bf92f3577b34da6a3ce929d0e0e4736",
                "green",
                "gpt-4.1",
                200,
                812.5,
                95.0,
                1200,
                200,
                300,
                0.0123,
                false,
                false);
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesOneJsonLinePerRecordWithSnakeCaseFields() throws Exception {
        try (RequestLog<RequestLogRecord> log = new RequestLog<>(dir, "requests", 72, 100, clock)) {
            log.offer(record("req-1"));
            log.offer(record("req-2"));
            log.flush();
            List<String> lines = Files.readAllLines(dir.resolve("requests-2026-11-29-10.jsonl"));
            assertThat(lines).hasSize(2);
            JsonNode first = new ObjectMapper().readTree(lines.get(0));
            assertThat(first.get("request_id").asText()).isEqualTo("req-1");
            assertThat(first.get("environment").asText()).isEqualTo("green");
            assertThat(first.get("first_byte_ms").asDouble()).isEqualTo(95.0);
            assertThat(first.get("cached_tokens").asLong()).isEqualTo(200);
            assertThat(first.get("cost_usd").asDouble()).isEqualTo(0.0123);
            assertThat(first.get("partial").asBoolean()).isFalse();
            assertThat(log.written()).isEqualTo(2);
        }
    }

    @Test
    void rotatesToANewFileEachHour() throws Exception {
        try (RequestLog<RequestLogRecord> log = new RequestLog<>(dir, "requests", 72, 100, clock)) {
            log.offer(record("a"));
            log.flush();
            now.addAndGet(HOUR);
            log.offer(record("b"));
            log.flush();
            assertThat(files()).containsExactly("requests-2026-11-29-10.jsonl", "requests-2026-11-29-11.jsonl");
            assertThat(log.currentFile().getFileName().toString()).isEqualTo("requests-2026-11-29-11.jsonl");
        }
    }

    @Test
    void deletesItsOwnFilesPastRetentionAndNothingElse() throws Exception {
        Files.writeString(dir.resolve("requests-2026-11-27-09.jsonl"), "{}\n");
        Files.writeString(dir.resolve("requests-2026-11-28-11.jsonl"), "{}\n");
        Files.writeString(dir.resolve("shadow-2026-11-20-00.jsonl"), "{}\n");
        Files.writeString(dir.resolve("notes.txt"), "keep");
        try (RequestLog<RequestLogRecord> log = new RequestLog<>(dir, "requests", 24, 100, clock)) {
            log.offer(record("a"));
            log.flush();
        }
        assertThat(files())
                .containsExactly(
                        "notes.txt",
                        "requests-2026-11-28-11.jsonl",
                        "requests-2026-11-29-10.jsonl",
                        "shadow-2026-11-20-00.jsonl");
    }

    @Test
    void offerNeverBlocksAndCountsDropsWhenTheQueueIsFull() throws Exception {
        CountDownLatch writerMayGo = new CountDownLatch(1);
        CountDownLatch writerStuck = new CountDownLatch(1);
        Clock stalling = new Clock() {
            @Override
            public long nanoTime() {
                return now.get() * 1_000_000;
            }

            @Override
            public long currentTimeMillis() {
                // Only the writer thread asks for the time: hold it here to fill the queue.
                writerStuck.countDown();
                try {
                    writerMayGo.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return now.get();
            }
        };
        try (RequestLog<RequestLogRecord> log = new RequestLog<>(dir, "requests", 72, 2, stalling)) {
            assertThat(log.offer(record("taken-by-writer"))).isTrue();
            assertThat(writerStuck.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(log.offer(record("q1"))).isTrue();
            assertThat(log.offer(record("q2"))).isTrue();
            assertThat(log.offer(record("dropped"))).isFalse();
            assertThat(log.dropped()).isEqualTo(1);
            writerMayGo.countDown();
            log.flush();
            assertThat(log.written()).isEqualTo(3);
        }
    }

    @Test
    void dropsAndCountsOffersAfterClose() {
        RequestLog<RequestLogRecord> log = new RequestLog<>(dir, "requests", 72, 10, clock);
        log.close();
        assertThat(log.offer(record("late"))).isFalse();
        assertThat(log.dropped()).isEqualTo(1);
    }

    @Test
    void rejectsABadRetentionNamingTheField() {
        assertThatThrownBy(() -> new RequestLog<RequestLogRecord>(dir, "requests", 0, 10, clock))
                .hasMessage("retention_hours must be >= 1, but was 0");
    }
}
