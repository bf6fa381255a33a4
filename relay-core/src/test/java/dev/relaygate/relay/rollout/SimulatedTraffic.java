package dev.relaygate.relay.rollout;

import dev.relaygate.relay.judge.EnvironmentSlice;
import dev.relaygate.relay.judge.IntervalSlice;
import dev.relaygate.relay.judge.LatencyHistograms;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Seeded synthetic traffic for the rollout simulations: a fixed total request rate split by the
 * weight the controller last set, Bernoulli errors per environment, log-normal latencies (median
 * 80 ms, sigma 0.25: p99 ~ 143 ms) with an optional shift for green. Per-second latency histograms
 * come from pre-generated pools (32 per request count and shift) so a run of millions of ticks stays
 * fast; errors are drawn fresh every tick.
 */
final class SimulatedTraffic implements IntervalSource, TrafficControl {

    private static final int POOL = 32;
    private static final Map<Long, Histogram[]> POOLS = new HashMap<>();

    private final ManualClock clock;
    private final SplittableRandom rng;
    private final int totalPerSecond;
    private int greenWeight;
    private long lastTakeMillis;
    double blueErrorRate = 0.001;
    double greenErrorRate = 0.001;
    int greenShiftMs;

    SimulatedTraffic(ManualClock clock, long seed, int totalPerSecond) {
        this.clock = clock;
        this.rng = new SplittableRandom(seed);
        this.totalPerSecond = totalPerSecond;
        this.lastTakeMillis = clock.currentTimeMillis();
    }

    @Override
    public void setGreenWeight(int greenWeight, String reason) {
        this.greenWeight = greenWeight;
    }

    int greenWeight() {
        return greenWeight;
    }

    @Override
    public IntervalSlice take(boolean count429AsError) {
        long now = clock.currentTimeMillis();
        long seconds = Math.max(1, (now - lastTakeMillis) / 1000);
        int green = (int) (totalPerSecond * greenWeight / 100 * seconds);
        int blue = (int) (totalPerSecond * seconds) - green;
        IntervalSlice slice = new IntervalSlice(
                lastTakeMillis,
                now,
                new EnvironmentSlice(blue, binomial(blue, blueErrorRate), latencies(blue, 0)),
                new EnvironmentSlice(green, binomial(green, greenErrorRate), latencies(green, greenShiftMs)),
                0,
                0);
        lastTakeMillis = now;
        return slice;
    }

    /** Binomial(n, p) by geometric skips between errors: O(n p) draws instead of n. */
    private long binomial(int n, double p) {
        if (n == 0 || p <= 0) {
            return 0;
        }
        double logQ = Math.log1p(-p);
        long errors = 0;
        long i = (long) (Math.log(1 - rng.nextDouble()) / logQ);
        while (i < n) {
            errors++;
            i += 1 + (long) (Math.log(1 - rng.nextDouble()) / logQ);
        }
        return errors;
    }

    private Histogram latencies(int count, int shiftMs) {
        Histogram[] pool;
        synchronized (POOLS) {
            pool = POOLS.computeIfAbsent(((long) count << 20) | shiftMs, k -> generate(count, shiftMs));
        }
        return pool[rng.nextInt(POOL)];
    }

    private static Histogram[] generate(int count, int shiftMs) {
        SplittableRandom r = new SplittableRandom(31L * count + shiftMs);
        Histogram[] pool = new Histogram[POOL];
        for (int p = 0; p < POOL; p++) {
            Histogram h = LatencyHistograms.newMillis();
            for (int i = 0; i < count; i++) {
                h.recordValue(Math.round(80 * Math.exp(0.25 * gaussian(r))) + shiftMs);
            }
            pool[p] = h;
        }
        return pool;
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
