package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class ProcessCpuTest {

    private static final long SPIN_NANOS = 50_000_000;

    @Test
    void aNamedThreadsCpuIsCountedInTheTotalAndOnItsOwn() throws Exception {
        long pid = ProcessHandle.current().pid();
        assumeTrue(Files.isDirectory(Path.of("/proc", Long.toString(pid), "task")), "per-thread CPU needs /proc");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ProcessCpu meter = new ProcessCpu(pid, name -> name.startsWith("busy-part"));
        long before = meter.nanos().orElseThrow();
        AtomicLong spent = new AtomicLong();
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        // spins until it has used 50 ms of CPU by its own clock, however busy the machine is, then stays alive
        // until the meter has read it (a thread that has ended takes its total with it)
        Thread busy = new Thread(
                () -> {
                    long sink = 0;
                    while (threads.getCurrentThreadCpuTime() < SPIN_NANOS) {
                        sink += System.nanoTime() % 7;
                    }
                    spent.set(threads.getCurrentThreadCpuTime() + (sink & 0));
                    spun.countDown();
                    try {
                        read.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "busy-part-1");
        busy.start();
        spun.await();
        long total = meter.nanos().orElseThrow() - before;
        read.countDown();
        busy.join();

        assertThat(meter.partNanos()).isBetween(SPIN_NANOS, spent.get() + 10_000_000);
        assertThat(total).isGreaterThanOrEqualTo(meter.partNanos());
    }
}
