package dev.relaygate.relay.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.relay.time.Clock;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Asynchronous JSON Lines writer: callers {@link #offer} records into a bounded queue (never
 * blocks; a full queue drops the record and counts it), one background thread serialises them with
 * Jackson into hourly files {@code <prefix>-yyyy-MM-dd-HH.jsonl} (UTC, by the injected clock) and
 * deletes this prefix's files older than {@code retentionHours} at start and at every rotation.
 * Used for the request log (72 h) and the shadow comparison log ({@code shadow.ShadowLog}, 24 h).
 *
 * @param <T> the record type of one line
 */
public final class RequestLog<T> implements AutoCloseable {

    public static final int DEFAULT_QUEUE_CAPACITY = 65_536;
    public static final long DEFAULT_RETENTION_HOURS = 72;
    private static final System.Logger LOG = System.getLogger(RequestLog.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final String prefix;
    private final long retentionHours;
    private final Clock clock;
    private final BlockingQueue<Object> queue;
    private final LongAdder written = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder writeErrors = new LongAdder();
    private final Thread writer;
    private volatile boolean closed;
    // Writer thread only:
    private BufferedWriter out;
    private long openHour = Long.MIN_VALUE;

    private record Barrier(CountDownLatch done) {}

    private enum Stop {
        INSTANCE
    }

    public RequestLog(Path dir, String prefix, long retentionHours, int queueCapacity, Clock clock) {
        this.dir = Objects.requireNonNull(dir, "dir");
        if (prefix == null || !prefix.matches("[A-Za-z0-9_.]+")) {
            throw new IllegalArgumentException("prefix must match [A-Za-z0-9_.]+, but was " + prefix);
        }
        if (retentionHours < 1) {
            throw new IllegalArgumentException("retention_hours must be >= 1, but was " + retentionHours);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be >= 1, but was " + queueCapacity);
        }
        this.prefix = prefix;
        this.retentionHours = retentionHours;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.writer = new Thread(this::run, "relaygate-log-" + prefix);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues one line. Never blocks: false (and counted in {@link #dropped()}) when full or closed. */
    public boolean offer(T record) {
        Objects.requireNonNull(record, "record");
        if (!closed && queue.offer(record)) {
            return true;
        }
        dropped.increment();
        return false;
    }

    /** Blocks until everything queued before the call is written and flushed (tests, shutdown). */
    public void flush() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        queue.put(new Barrier(done));
        done.await();
    }

    public long written() {
        return written.sum();
    }

    public long dropped() {
        return dropped.sum();
    }

    public long writeErrors() {
        return writeErrors.sum();
    }

    /** The file lines written now go to. */
    public Path currentFile() {
        return LogFiles.fileFor(dir, prefix, LogFiles.hourOf(clock.currentTimeMillis()));
    }

    /** Stops accepting, writes what is queued, closes the file and stops the writer thread. */
    @Override
    public void close() {
        closed = true;
        try {
            queue.put(Stop.INSTANCE);
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                // Only close() ends the writer (with Stop), so a stray interrupt loses nothing.
                continue;
            }
            if (item == Stop.INSTANCE) {
                closeFile();
                return;
            }
            if (item instanceof Barrier b) {
                flushFile();
                b.done().countDown();
                continue;
            }
            write(item);
            if (queue.isEmpty()) {
                flushFile();
            }
        }
    }

    private void write(Object record) {
        try {
            rotateIfNeeded();
            out.write(MAPPER.writeValueAsString(record));
            out.write('\n');
            written.increment();
        } catch (IOException | RuntimeException e) {
            writeErrors.increment();
            LOG.log(System.Logger.Level.WARNING, "request log " + prefix + " write failed: " + e.getMessage());
        }
    }

    private void rotateIfNeeded() throws IOException {
        long hour = LogFiles.hourOf(clock.currentTimeMillis());
        if (hour == openHour && out != null) {
            return;
        }
        closeFile();
        Files.createDirectories(dir);
        out = Files.newBufferedWriter(
                LogFiles.fileFor(dir, prefix, hour),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        openHour = hour;
        LogFiles.deleteExpired(dir, prefix, hour, retentionHours);
    }

    private void flushFile() {
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            writeErrors.increment();
        }
    }

    private void closeFile() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            writeErrors.increment();
        } finally {
            out = null;
        }
    }
}
