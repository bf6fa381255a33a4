package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CpuQuietTest {

    @Test
    void processesWhoseCpuTimeHoldsStillAreQuietAfterOneWindow() {
        CpuQuiet.Result r = CpuQuiet.await(() -> 42L, Duration.ofMillis(50), 0.15, Duration.ofSeconds(5));
        assertThat(r.quiet()).isTrue();
        assertThat(r.lastCoreShare()).isZero();
        assertThat(r.waitedMs()).isBetween(50L, 4_000L);
        assertThat(r.describe()).startsWith("quiet after ");
    }

    @Test
    void aProcessBusyOnAWholeCoreIsNeverQuietAndTheWaitEndsAtItsCap() {
        // CPU time that grows as fast as the wall clock: one core, all the time
        CpuQuiet.Result r = CpuQuiet.await(System::nanoTime, Duration.ofMillis(50), 0.15, Duration.ofMillis(300));
        assertThat(r.quiet()).isFalse();
        assertThat(r.lastCoreShare()).isGreaterThan(0.9);
        assertThat(r.waitedMs()).isGreaterThanOrEqualTo(300L);
        assertThat(r.describe()).startsWith("not quiet within ");
    }
}
