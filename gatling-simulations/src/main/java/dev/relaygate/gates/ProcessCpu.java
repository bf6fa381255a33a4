package dev.relaygate.gates;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * The CPU time a process (a relay under test) has used serving, in nanoseconds, precise enough to split between
 * one-second blocks of traffic, with its JIT compilers' time kept apart. {@link ProcessHandle}'s total counts 10 ms
 * clock ticks, a sixth of what a relay spends on a second of traffic at 1,000 req/s; on Linux this meter sums each
 * thread's time on CPU from its scheduler statistics ({@code /proc/PID/task/TID/schedstat}, in ns) instead.
 *
 * <p>The compiler threads ({@code C1 CompilerThre}, {@code C2 CompilerThre}) are left out of {@link #nanos()}: when
 * C2 recompiles a method is chance (which of two relays it lands on, in which block), not what a request costs,
 * and one recompilation outweighed a second of a relay's serving. {@link #compilerNanos()} reports it. Threads
 * whose name a given test picks ({@link #partNanos()}: a fleet member's clustering threads) are counted in
 * {@link #nanos()} and also on their own.
 *
 * <p>A thread that ends (the JVM retires idle compiler threads) takes its total with it, so the meter adds up
 * per-thread increases between readings rather than summing totals: read it at least at the start and end of every
 * span it measures, and a thread's ending loses only its time since the reading before. Elsewhere it falls back to
 * {@link ProcessHandle}, compilers included.
 */
public final class ProcessCpu {

    private final long pid;
    private final Path tasks;
    private final Map<String, Long> lastByThread = new HashMap<>();
    private final Map<String, Kind> kindByThread = new HashMap<>();
    private final Predicate<String> part;
    private long serving;
    private long compiling;
    private long inPart;

    private enum Kind {
        COMPILER,
        PART,
        OTHER
    }

    public ProcessCpu(long pid) {
        this(pid, name -> false);
    }

    /**
     * @param part picks, by the thread's name as the kernel keeps it (its first 15 characters), the threads
     *     {@link #partNanos()} counts
     */
    public ProcessCpu(long pid, Predicate<String> part) {
        this.pid = pid;
        this.part = part;
        Path dir = Path.of("/proc", Long.toString(pid), "task");
        this.tasks = Files.isDirectory(dir) ? dir : null;
    }

    /**
     * CPU used since this meter's first reading by every thread but the JIT compilers (the first reading counts
     * what every live thread had used); empty when the process is gone.
     */
    public synchronized OptionalLong nanos() {
        if (tasks == null) {
            return ProcessHandle.of(pid)
                    .flatMap(h -> h.info().totalCpuDuration())
                    .map(d -> OptionalLong.of(d.toNanos()))
                    .orElse(OptionalLong.empty());
        }
        Map<String, Long> now = new HashMap<>();
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                long onCpu = onCpuNanos(thread);
                if (onCpu >= 0) {
                    now.put(thread.getFileName().toString(), onCpu);
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty(); // the process is gone
        }
        for (Map.Entry<String, Long> t : now.entrySet()) {
            long added = Math.max(0, t.getValue() - lastByThread.getOrDefault(t.getKey(), 0L));
            Kind kind = kindByThread.computeIfAbsent(t.getKey(), this::kindOf);
            if (kind == Kind.COMPILER) {
                compiling += added;
            } else {
                serving += added;
                inPart += kind == Kind.PART ? added : 0;
            }
        }
        lastByThread.clear();
        lastByThread.putAll(now);
        kindByThread.keySet().retainAll(now.keySet());
        return OptionalLong.of(serving);
    }

    /** The JIT compilers' CPU up to the last {@link #nanos()} reading (0 where threads cannot be told apart). */
    public synchronized long compilerNanos() {
        return compiling;
    }

    /** The part of {@link #nanos()} the threads picked by name used, up to the last reading. */
    public synchronized long partNanos() {
        return inPart;
    }

    private Kind kindOf(String tid) {
        String name;
        try {
            List<String> comm = Files.readAllLines(tasks.resolve(tid).resolve("comm"));
            name = comm.isEmpty() ? "" : comm.get(0);
        } catch (IOException | RuntimeException e) {
            name = "";
        }
        if (name.contains("CompilerThre")) {
            return Kind.COMPILER;
        }
        return part.test(name) ? Kind.PART : Kind.OTHER;
    }

    /** The thread's time on CPU (the first field of its schedstat), or -1 when it ended while being read. */
    private static long onCpuNanos(Path thread) {
        try {
            // read by lines: /proc reports a size of 0, and a whole-file read trusts the size
            List<String> lines = Files.readAllLines(thread.resolve("schedstat"));
            String line = lines.isEmpty() ? "" : lines.get(0).trim();
            int space = line.indexOf(' ');
            return Long.parseLong(space < 0 ? line : line.substring(0, space));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
