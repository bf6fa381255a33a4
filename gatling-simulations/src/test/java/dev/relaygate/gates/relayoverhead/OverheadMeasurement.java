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

/**
 * After an open- and closed-loop warm-up, open-loop direct and relayed blocks against the same mock,
 * alternated in one run (ABBA order, so a drift in the machine's load lands on both arms); then a
 * closed-loop saturation phase each way with the process's CPU time per request.
 */
final class OverheadMeasurement {

    /** Everything the gate reports; {@code blocks} holds each pair's direct (a) and relayed (b) histograms. */
    record Figures(
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
            double relayedCpuUsPerRequest) {}

    private final OpenLoopClient client;
    private final Target direct;
    private final Target relayed;

    OverheadMeasurement(OpenLoopClient client, Target direct, Target relayed) {
        this.client = client;
        this.direct = direct;
        this.relayed = relayed;
    }

    Figures run(double rate, Duration block, long warmupPairs, long pairs, int concurrency, Duration saturation) {
        // Warm-up: open loop, then a short closed loop each way, so both paths are JIT-compiled before any
        // latency is recorded (open loop at 1,000 req/s alone left the first measured blocks still warming).
        LatencyRecorder discard = new LatencyRecorder();
        for (long i = 0; i < warmupPairs; i++) {
            client.openLoop(direct, rate, block, discard);
            client.openLoop(relayed, rate, block, discard);
        }
        client.closedLoop(direct, concurrency, Duration.ofSeconds(2));
        client.closedLoop(relayed, concurrency, Duration.ofSeconds(2));
        LatencyRecorder directLatency = new LatencyRecorder();
        LatencyRecorder relayedLatency = new LatencyRecorder();
        List<PairedBlocks.Pair> measuredPairs = new ArrayList<>();
        long[] failed = new long[2];
        long[] sent = new long[2];
        for (long i = 0; i < pairs; i++) {
            boolean directFirst = i % 2 == 0;
            LatencyRecorder[] pair = {new LatencyRecorder(), new LatencyRecorder()};
            for (int half = 0; half < 2; half++) {
                boolean isDirect = (half == 0) == directFirst;
                int arm = isDirect ? 0 : 1;
                BlockResult r = client.openLoop(isDirect ? direct : relayed, rate, block, pair[arm]);
                failed[arm] += r.failed();
                sent[arm] += r.sent();
            }
            directLatency.add(pair[0]);
            relayedLatency.add(pair[1]);
            measuredPairs.add(new PairedBlocks.Pair(pair[0].snapshot(), pair[1].snapshot()));
        }
        long cpu0 = cpuNanos();
        BlockResult directSat = client.closedLoop(direct, concurrency, saturation);
        long cpu1 = cpuNanos();
        BlockResult relayedSat = client.closedLoop(relayed, concurrency, saturation);
        long cpu2 = cpuNanos();
        return new Figures(
                directLatency,
                relayedLatency,
                new PairedBlocks(measuredPairs),
                failed[0],
                failed[1],
                sent[0],
                sent[1],
                directSat,
                relayedSat,
                perRequestUs(cpu1 - cpu0, directSat),
                perRequestUs(cpu2 - cpu1, relayedSat));
    }

    private static double perRequestUs(long cpuNanos, BlockResult r) {
        return r.completed() == 0 ? Double.NaN : cpuNanos / 1000.0 / r.completed();
    }

    /** CPU time of this whole process (client, relay and mock share it); NaN-safe: -1 when unsupported. */
    private static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
