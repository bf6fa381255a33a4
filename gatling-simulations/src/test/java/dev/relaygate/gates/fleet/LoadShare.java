package dev.relaygate.gates.fleet;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Which of the injected users send a request: one in {@code n}, changeable while the load runs. Gatling's
 * open injection cannot change its rate at a moment only the control thread knows (a shift series that
 * took longer than planned), so a fleet gate injects at its highest rate and thins it here.
 */
public final class LoadShare {

    private final AtomicLong counter = new AtomicLong();
    private volatile int oneIn = 1;

    /** Every {@code n}-th user sends from now on (1 = all). */
    public void oneIn(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("oneIn must be >= 1, but was " + n);
        }
        oneIn = n;
    }

    public int oneIn() {
        return oneIn;
    }

    /** Whether the next user sends. */
    public boolean next() {
        int n = oneIn;
        return n == 1 || Math.floorMod(counter.getAndIncrement(), (long) n) == 0;
    }
}
