package dev.relaygate.relay.rollout;

import dev.relaygate.relay.config.TrafficShiftSettings;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Many simulated rollouts through the real {@link RolloutController} and judge with a hand-advanced
 * clock: the vendor playbook's settings (increment 10, interval 300 s, default thresholds), 200 req/s in total
 * split by weight (so green gets 20 req/s at the first step), one tick per simulated second.
 *
 * <p>Runs are independent and each draws from its own seed, taken in order from the scenario's seed
 * before any run starts, so they run in parallel (the work is the judge's per-tick histogram
 * arithmetic, pure CPU) and the outcome is still the same on every machine and core count.
 */
final class RolloutSimulation {

    static final long START_MILLIS = 1_700_000_000_000L;
    static final int TOTAL_PER_SECOND = 200;
    /** Seconds after onset before a fault counts as missed. */
    static final int DETECTION_CAP_SECONDS = 120;
    /** A run's outcome when the fault was not detected within the cap (or the rollout never got there). */
    private static final long MISSED = Long.MAX_VALUE;
    /** Detection time standing for "rolled back before the fault began". */
    private static final long EARLY = -1;

    /** Detection times in ms (Long.MAX_VALUE = missed) and rollbacks that fired before the fault. */
    record FaultResult(long[] detectionMillis, int rolledBackBeforeOnset) {

        /** The q-quantile of the detection times, lower of two when it falls between (missed count as infinite). */
        long quantile(double q) {
            long[] sorted = detectionMillis.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
        }

        /** The share of runs rolled back within {@code millis} of onset: the median is within it if this is >= 1/2. */
        double shareWithin(long millis) {
            return (double) Arrays.stream(detectionMillis)
                            .filter(d -> d <= millis)
                            .count()
                    / detectionMillis.length;
        }

        long missed() {
            return Arrays.stream(detectionMillis).filter(d -> d == MISSED).count();
        }

        String describe(String name) {
            String max = missed() > 0 ? "missed" : String.format(Locale.ROOT, "%.1f s", quantile(1.0) / 1000.0);
            return String.format(
                    Locale.ROOT,
                    "%s: %d rollouts, detection median %.1f s (%.1f%% within 6 s), p95 %.1f s,"
                            + " max %s, missed %d, rolled back before onset %d",
                    name,
                    detectionMillis.length,
                    quantile(0.5) / 1000.0,
                    100 * shareWithin(6_000),
                    quantile(0.95) / 1000.0,
                    max,
                    missed(),
                    rolledBackBeforeOnset);
        }
    }

    record HealthyResult(int runs, int falseRollbacks, int promoted, double medianRolloutSeconds) {

        /** One-sided 95% upper confidence bound (Clopper-Pearson) of the false-rollback rate per rollout. */
        double falseRollbackUpperBound() {
            return upperBound95(falseRollbacks, runs);
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "healthy green (0.1%% errors, same latency): %d rollouts, %d false rollbacks"
                            + " (%.2f%%, one-sided 95%% upper bound %.4f%%), %d promoted, median time to PROMOTED %.0f s",
                    runs,
                    falseRollbacks,
                    100.0 * falseRollbacks / runs,
                    100 * falseRollbackUpperBound(),
                    promoted,
                    medianRolloutSeconds);
        }
    }

    private RolloutSimulation() {}

    /**
     * The Clopper-Pearson one-sided 95% upper bound of a rate after {@code events} in {@code runs}:
     * the rate p at which seeing so few events has probability 5%, the 0.95 quantile of
     * Beta(events + 1, runs - events). With no events it is 1 - 0.05^(1/runs).
     */
    static double upperBound95(int events, int runs) {
        return events >= runs
                ? 1.0
                : new BetaDistribution(null, events + 1.0, runs - events).inverseCumulativeProbability(0.95);
    }

    /** Fault onset uniformly in [60 s, 260 s) of the first 300 s step: the window is full of healthy data. */
    static FaultResult faults(int runs, long seed, Consumer<SimulatedTraffic> fault) {
        long[] outcomes = Arrays.stream(runSeeds(runs, seed))
                .parallel()
                .map(runSeed -> faultRun(runSeed, fault))
                .toArray();
        int early = (int) Arrays.stream(outcomes).filter(o -> o == EARLY).count();
        // A rollout that ended before its fault never detected it: it counts as missed as well.
        return new FaultResult(
                Arrays.stream(outcomes).map(o -> o == EARLY ? MISSED : o).toArray(), early);
    }

    /** One run: detection time in ms after onset, {@link #EARLY} or {@link #MISSED}. */
    private static long faultRun(long runSeed, Consumer<SimulatedTraffic> fault) {
        ManualClock clock = new ManualClock(START_MILLIS);
        SimulatedTraffic traffic = new SimulatedTraffic(clock, runSeed, TOTAL_PER_SECOND);
        RolloutController controller = new RolloutController(traffic, traffic, clock, new EventTimeline(64), null);
        controller.start(TrafficShiftSettings.defaults(), false);
        int onsetSecond = 60 + new SplittableRandom(runSeed ^ 0x5DEECE66DL).nextInt(200);
        for (int second = 0; second < onsetSecond + DETECTION_CAP_SECONDS; second++) {
            if (second == onsetSecond) {
                fault.accept(traffic);
            }
            clock.advanceMillis(1000);
            controller.tick();
            if (controller.state().phase() == Phase.ROLLED_BACK) {
                return second < onsetSecond ? EARLY : (second + 1 - onsetSecond) * 1000L;
            }
        }
        return MISSED;
    }

    /** Whole rollouts of a healthy green, until PROMOTED, a rollback, or 10 steps + 1,500 s. */
    static HealthyResult healthy(int runs, long seed) {
        // Seconds to PROMOTED, -1 for a false rollback, MISSED for a run that never got there.
        long[] outcomes = Arrays.stream(runSeeds(runs, seed))
                .parallel()
                .map(RolloutSimulation::healthyRun)
                .toArray();
        int falseRollbacks = (int) Arrays.stream(outcomes).filter(o -> o < 0).count();
        long[] durations =
                Arrays.stream(outcomes).map(o -> o < 0 ? MISSED : o).sorted().toArray();
        int promoted = (int) Arrays.stream(durations).filter(d -> d != MISSED).count();
        return new HealthyResult(runs, falseRollbacks, promoted, durations[runs / 2]);
    }

    private static long healthyRun(long runSeed) {
        ManualClock clock = new ManualClock(START_MILLIS);
        SimulatedTraffic traffic = new SimulatedTraffic(clock, runSeed, TOTAL_PER_SECOND);
        RolloutController controller = new RolloutController(traffic, traffic, clock, new EventTimeline(64), null);
        controller.start(TrafficShiftSettings.defaults(), false);
        int capSeconds = 10 * 300 + 1500;
        for (int second = 1; second <= capSeconds; second++) {
            clock.advanceMillis(1000);
            controller.tick();
            Phase phase = controller.state().phase();
            if (phase == Phase.ROLLED_BACK) {
                return -1;
            }
            if (phase == Phase.PROMOTED) {
                // PROMOTED is still live: keep judging green at 100% for a further step.
                for (int extra = 0; extra < 300 && controller.state().phase() == Phase.PROMOTED; extra++) {
                    clock.advanceMillis(1000);
                    controller.tick();
                }
                return controller.state().phase() == Phase.ROLLED_BACK ? -1 : second;
            }
        }
        return MISSED;
    }

    private static long[] runSeeds(int runs, long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        return IntStream.range(0, runs).mapToLong(r -> seeds.nextLong()).toArray();
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : RolloutSimulationTest.FULL_RUNS;
        long t0 = System.nanoTime();
        System.out.println(faults(runs, 42, t -> t.greenErrorRate = 0.05).describe("green at 5% errors"));
        System.out.println(faults(runs, 43, t -> t.greenShiftMs = 100).describe("green +100 ms"));
        System.out.printf("faults took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        System.out.println(healthy(runs, 44).describe());
        System.out.printf("healthy took %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
