package dev.relaygate.relay.rollout;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Many simulated rollouts through the real {@link RolloutController} and judge with a hand-advanced
 * clock: the seed's settings (increment 10, interval 300 s, default thresholds), 200 req/s in total
 * split by weight (so green gets 20 req/s at the first step), one tick per simulated second.
 */
final class RolloutSimulation {

    static final long START_MILLIS = 1_700_000_000_000L;
    static final int TOTAL_PER_SECOND = 200;
    /** Seconds after onset before a fault counts as missed. */
    static final int DETECTION_CAP_SECONDS = 120;

    /** Detection times in ms (Long.MAX_VALUE = missed) and rollbacks that fired before the fault. */
    record FaultResult(long[] detectionMillis, int rolledBackBeforeOnset) {

        long quantile(double q) {
            long[] sorted = detectionMillis.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
        }

        long missed() {
            return Arrays.stream(detectionMillis).filter(d -> d == Long.MAX_VALUE).count();
        }

        String describe(String name) {
            return String.format(Locale.ROOT, "%s: %d rollouts, detection median %.1f s, p95 %.1f s, max %s, missed %d,"
                    + " rolled back before onset %d", name, detectionMillis.length, quantile(0.5) / 1000.0,
                    quantile(0.95) / 1000.0, missed() > 0 ? "missed" : String.format(Locale.ROOT, "%.1f s",
                            quantile(1.0) / 1000.0), missed(), rolledBackBeforeOnset);
        }
    }

    record HealthyResult(int runs, int falseRollbacks, int promoted, double medianRolloutSeconds) {

        String describe() {
            return String.format(Locale.ROOT, "healthy green (0.1%% errors, same latency): %d rollouts, %d false rollbacks"
                    + " (%.2f%%), %d promoted, median time to PROMOTED %.0f s", runs, falseRollbacks,
                    100.0 * falseRollbacks / runs, promoted, medianRolloutSeconds);
        }
    }

    private RolloutSimulation() {
    }

    /** Fault onset uniformly in [60 s, 260 s) of the first 300 s step: the window is full of healthy data. */
    static FaultResult faults(int runs, long seed, Consumer<SimulatedTraffic> fault) {
        long[] detection = new long[runs];
        int early = 0;
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int r = 0; r < runs; r++) {
            long runSeed = seeds.nextLong();
            ManualClock clock = new ManualClock(START_MILLIS);
            SimulatedTraffic traffic = new SimulatedTraffic(clock, runSeed, TOTAL_PER_SECOND);
            RolloutController controller = new RolloutController(traffic, traffic, clock, new EventTimeline(64), null);
            controller.start(TrafficShiftSettings.defaults(), false);
            int onsetSecond = 60 + new SplittableRandom(runSeed ^ 0x5DEECE66DL).nextInt(200);
            detection[r] = Long.MAX_VALUE;
            for (int second = 0; second < onsetSecond + DETECTION_CAP_SECONDS; second++) {
                if (second == onsetSecond) {
                    fault.accept(traffic);
                }
                clock.advanceMillis(1000);
                controller.tick();
                if (controller.state().phase() == Phase.ROLLED_BACK) {
                    if (second < onsetSecond) {
                        early++;
                    } else {
                        detection[r] = (second + 1 - onsetSecond) * 1000L;
                    }
                    break;
                }
            }
        }
        return new FaultResult(detection, early);
    }

    /** Whole rollouts of a healthy green, until PROMOTED, a rollback, or 10 steps + 1,500 s. */
    static HealthyResult healthy(int runs, long seed) {
        int falseRollbacks = 0;
        int promoted = 0;
        long[] durations = new long[runs];
        SplittableRandom seeds = new SplittableRandom(seed);
        int capSeconds = 10 * 300 + 1500;
        for (int r = 0; r < runs; r++) {
            ManualClock clock = new ManualClock(START_MILLIS);
            SimulatedTraffic traffic = new SimulatedTraffic(clock, seeds.nextLong(), TOTAL_PER_SECOND);
            RolloutController controller = new RolloutController(traffic, traffic, clock, new EventTimeline(64), null);
            controller.start(TrafficShiftSettings.defaults(), false);
            durations[r] = Long.MAX_VALUE;
            for (int second = 1; second <= capSeconds; second++) {
                clock.advanceMillis(1000);
                controller.tick();
                Phase phase = controller.state().phase();
                if (phase == Phase.ROLLED_BACK) {
                    falseRollbacks++;
                    break;
                }
                if (phase == Phase.PROMOTED) {
                    // PROMOTED is still live: keep judging green at 100% for a further step.
                    for (int extra = 0; extra < 300 && controller.state().phase() == Phase.PROMOTED; extra++) {
                        clock.advanceMillis(1000);
                        controller.tick();
                    }
                    if (controller.state().phase() == Phase.ROLLED_BACK) {
                        falseRollbacks++;
                    } else {
                        promoted++;
                        durations[r] = second;
                    }
                    break;
                }
            }
        }
        Arrays.sort(durations);
        return new HealthyResult(runs, falseRollbacks, promoted, durations[runs / 2]);
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long t0 = System.nanoTime();
        System.out.println(faults(runs, 42, t -> t.greenErrorRate = 0.05).describe("green at 5% errors"));
        System.out.println(faults(runs, 43, t -> t.greenShiftMs = 100).describe("green +100 ms"));
        System.out.printf("faults took %.1f s%n", (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        System.out.println(healthy(runs, 44).describe());
        System.out.printf("healthy took %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
