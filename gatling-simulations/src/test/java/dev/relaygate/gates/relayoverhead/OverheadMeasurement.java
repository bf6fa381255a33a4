package dev.relaygate.gates.relayoverhead;

import dev.relaygate.gates.LatencyRecorder;
import dev.relaygate.gates.OpenLoopClient;
import dev.relaygate.gates.OpenLoopClient.BlockResult;
import dev.relaygate.gates.OpenLoopClient.Target;
import dev.relaygate.gates.PairedBlocks;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * After an open- and closed-loop warm-up, open-loop blocks against the same mock directly and through each
 * relay, alternated in one run (direct first, then each relay, and the reverse order in the next round, so a
 * drift in the machine's load lands on every arm); then a closed-loop saturation phase per arm with CPU time
 * per request. One direct arm is shared by every relay measured.
 */
public final class OverheadMeasurement {

    /**
     * Everything the gate reports for one relay; {@code blocks} holds each round's direct (a) and relayed (b)
     * histograms. {@code relayOwnCpuUsPerRequest} is the relay process's own CPU per request when it runs in a
     * process of its own, NaN otherwise: saturated, and {@code relayOwnCpuUsPerRequestAtRate} in the measured
     * open-loop blocks (at the offered rate, so a relay's background work, a fleet member's heartbeats, counts),
     * also per round; {@code relayPartCpuUsPerRequestAtRate} is the arm's {@link Arm#partNanos} part of it.
     */
    public record Figures(
            LatencyRecorder direct,
            LatencyRecorder relayed,
            PairedBlocks blocks,
            long directFailed,
            long relayedFailed,
            long directSent,
            long relayedSent,
            BlockResult directSaturated,
            BlockResult relayedSaturated,
            double directCpuUsPerRequest,
            double relayedCpuUsPerRequest,
            double relayOwnCpuUsPerRequest,
            double relayOwnCpuUsPerRequestAtRate,
            List<Double> relayOwnCpuUsPerRequestByRound,
            double relayPartCpuUsPerRequestAtRate) {}

    /**
     * A relayed arm: its target, the CPU time of its own process when it has one, and a part of that time read
     * right after it (a fleet member's clustering threads; 0 when nothing is kept apart).
     */
    public record Arm(Target target, Supplier<OptionalLong> ownCpuNanos, LongSupplier partNanos) {

        public Arm(Target target, Supplier<OptionalLong> ownCpuNanos) {
            this(target, ownCpuNanos, () -> 0);
        }
    }

    private final OpenLoopClient client;
    private final Target direct;
    private final List<Arm> relays;

    public OverheadMeasurement(OpenLoopClient client, Target direct, List<Arm> relays) {
        this.client = client;
        this.direct = direct;
        this.relays = List.copyOf(relays);
    }

    OverheadMeasurement(OpenLoopClient client, Target direct, Target relayed) {
        this(client, direct, List.of(new Arm(relayed, OptionalLong::empty)));
    }

    Figures run(double rate, Duration block, long warmupPairs, long pairs, int concurrency, Duration saturation) {
        return runAll(rate, block, warmupPairs, pairs, concurrency, saturation, () -> {})
                .get(0);
    }

    /**
     * One {@link Figures} per relayed arm, in the order given, all sharing the direct arm. {@code quiet} runs
     * after every measured block, the same for every arm: a relay that falls behind the rate leaves work (its
     * process catching up, a backlog's garbage) that would otherwise land on whichever arm comes next.
     */
    public List<Figures> runAll(
            double rate,
            Duration block,
            long warmupRounds,
            long rounds,
            int concurrency,
            Duration saturation,
            Runnable quiet) {
        int arms = relays.size() + 1;
        // Warm-up: open loop, then a short closed loop each way, so every path is JIT-compiled before any
        // latency is recorded (open loop at 1,000 req/s alone left the first measured blocks still warming).
        LatencyRecorder discard = new LatencyRecorder();
        for (long i = 0; i < warmupRounds; i++) {
            for (int a = 0; a < arms; a++) {
                client.openLoop(target(a), rate, block, discard);
            }
        }
        for (int a = 0; a < arms; a++) {
            client.closedLoop(target(a), concurrency, Duration.ofSeconds(2));
        }
        LatencyRecorder[] latency = new LatencyRecorder[arms];
        List<List<PairedBlocks.Pair>> pairs = new ArrayList<>();
        long[] failed = new long[arms];
        long[] sent = new long[arms];
        long[] ownCpuAtRate = new long[arms];
        long[] completedAtRate = new long[arms];
        long[] partAtRate = new long[arms];
        boolean[] ownCpuKnown = new boolean[arms];
        List<List<Double>> ownCpuByRound = new ArrayList<>();
        for (int a = 1; a < arms; a++) {
            ownCpuKnown[a] = relays.get(a - 1).ownCpuNanos().get().isPresent();
        }
        for (int a = 0; a < arms; a++) {
            latency[a] = new LatencyRecorder();
            pairs.add(new ArrayList<>());
            ownCpuByRound.add(new ArrayList<>());
        }
        for (long i = 0; i < rounds; i++) {
            LatencyRecorder[] round = new LatencyRecorder[arms];
            for (int k = 0; k < arms; k++) {
                int a = i % 2 == 0 ? k : arms - 1 - k;
                round[a] = new LatencyRecorder();
                OptionalLong cpuBefore = ownCpu(a);
                long partBefore = part(a);
                BlockResult r = client.openLoop(target(a), rate, block, round[a]);
                OptionalLong cpuAfter = ownCpu(a);
                partAtRate[a] += part(a) - partBefore;
                if (cpuBefore.isPresent() && cpuAfter.isPresent()) {
                    long used = cpuAfter.getAsLong() - cpuBefore.getAsLong();
                    ownCpuAtRate[a] += used;
                    completedAtRate[a] += r.completed();
                    ownCpuByRound.get(a).add(perRequestUs(used, r));
                } else {
                    ownCpuKnown[a] = false;
                }
                failed[a] += r.failed();
                sent[a] += r.sent();
                quiet.run();
            }
            for (int a = 0; a < arms; a++) {
                latency[a].add(round[a]);
            }
            for (int a = 1; a < arms; a++) {
                pairs.get(a).add(new PairedBlocks.Pair(round[0].snapshot(), round[a].snapshot()));
            }
        }
        BlockResult[] saturated = new BlockResult[arms];
        double[] processCpu = new double[arms];
        double[] ownCpu = new double[arms];
        for (int a = 0; a < arms; a++) {
            OptionalLong own0 = a == 0
                    ? OptionalLong.empty()
                    : relays.get(a - 1).ownCpuNanos().get();
            long cpu0 = processCpuNanos();
            saturated[a] = client.closedLoop(target(a), concurrency, saturation);
            processCpu[a] = perRequestUs(processCpuNanos() - cpu0, saturated[a]);
            OptionalLong own1 = a == 0
                    ? OptionalLong.empty()
                    : relays.get(a - 1).ownCpuNanos().get();
            ownCpu[a] = own0.isPresent() && own1.isPresent()
                    ? perRequestUs(own1.getAsLong() - own0.getAsLong(), saturated[a])
                    : Double.NaN;
        }
        List<Figures> out = new ArrayList<>();
        for (int a = 1; a < arms; a++) {
            out.add(new Figures(
                    latency[0],
                    latency[a],
                    new PairedBlocks(pairs.get(a)),
                    failed[0],
                    failed[a],
                    sent[0],
                    sent[a],
                    saturated[0],
                    saturated[a],
                    processCpu[0],
                    processCpu[a],
                    ownCpu[a],
                    ownCpuKnown[a] && completedAtRate[a] > 0
                            ? ownCpuAtRate[a] / 1000.0 / completedAtRate[a]
                            : Double.NaN,
                    ownCpuKnown[a] ? List.copyOf(ownCpuByRound.get(a)) : List.of(),
                    ownCpuKnown[a] && completedAtRate[a] > 0
                            ? partAtRate[a] / 1000.0 / completedAtRate[a]
                            : Double.NaN));
        }
        return out;
    }

    private OptionalLong ownCpu(int arm) {
        return arm == 0
                ? OptionalLong.empty()
                : relays.get(arm - 1).ownCpuNanos().get();
    }

    private long part(int arm) {
        return arm == 0 ? 0 : relays.get(arm - 1).partNanos().getAsLong();
    }

    private Target target(int arm) {
        return arm == 0 ? direct : relays.get(arm - 1).target();
    }

    private static double perRequestUs(long cpuNanos, BlockResult r) {
        return r.completed() == 0 ? Double.NaN : cpuNanos / 1000.0 / r.completed();
    }

    /** CPU time of this whole process (client, in-process relay and mock share it); -1 when unsupported. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
