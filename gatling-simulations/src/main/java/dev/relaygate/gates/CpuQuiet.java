package dev.relaygate.gates;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Waits until processes stop working: their summed CPU time grows by less than a share of one core over a
 * window. A gate measures only once the machine is quiet, so a backlog, a collection or a JIT compiler still
 * busy with the last burst lands on no measurement. The wait is capped; the result says whether it ended quiet.
 */
public final class CpuQuiet {

    /** How a wait ended: after how long, whether quiet, and the share of a core used over the last window. */
    public record Result(long waitedMs, boolean quiet, double lastCoreShare) {
        public String describe() {
            return (quiet ? "quiet after " : "not quiet within ") + waitedMs + " ms (last window "
                    + Math.round(lastCoreShare * 1000) / 10.0 + "% of a core)";
        }
    }

    private CpuQuiet() {}

    /**
     * @param cpuNanos  the processes' CPU time so far, in ns
     * @param window    how long the CPU time must hold (nearly) still
     * @param coreShare the share of one core under which the processes count as idle
     * @param atMost    the longest the wait may last
     */
    public static Result await(LongSupplier cpuNanos, Duration window, double coreShare, Duration atMost) {
        long start = System.nanoTime();
        long deadline = start + atMost.toNanos();
        long before = cpuNanos.getAsLong();
        long windowStart = System.nanoTime();
        double share;
        boolean quiet;
        do {
            try {
                Thread.sleep(window.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result((System.nanoTime() - start) / 1_000_000L, false, Double.NaN);
            }
            long now = cpuNanos.getAsLong();
            long windowEnd = System.nanoTime();
            share = (now - before) / (double) Math.max(1, windowEnd - windowStart);
            quiet = share < coreShare;
            before = now;
            windowStart = windowEnd;
        } while (!quiet && System.nanoTime() - deadline < 0);
        return new Result((System.nanoTime() - start) / 1_000_000L, quiet, share);
    }
}
