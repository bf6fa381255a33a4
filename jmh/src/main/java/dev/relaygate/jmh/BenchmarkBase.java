package dev.relaygate.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Settings every benchmark shares (JMH reads these annotations through the subclass). Average time
 * in nanoseconds, because the targets are stated in ns/op. The defaults are the full settings of
 * {@code -Pbench}; the short pass in {@code mvn verify} overrides iterations and forks on the
 * command line, so the annotations here never need a second copy.
 *
 * <p>The forked JVM gets a fixed 1 GB heap so GC sizing does not drift between runs, and -prof gc
 * figures compare across benchmarks.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 2,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public abstract class BenchmarkBase {

    /** Sizes of the per-thread input rings: a power of two, so the next index is a mask, not a division. */
    protected static final int RING = 1024;

    protected static final int RING_MASK = RING - 1;
}
