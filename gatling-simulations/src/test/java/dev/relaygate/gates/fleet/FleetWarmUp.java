package dev.relaygate.gates.fleet;

import dev.relaygate.gates.CpuQuiet;
import dev.relaygate.gates.FleetRig;
import dev.relaygate.gates.GateRig;
import dev.relaygate.gates.OpenLoopClient;
import dev.relaygate.gates.OpenLoopClient.Target;
import dev.relaygate.gates.load.ChatTraffic;
import java.time.Duration;

/**
 * Brings a freshly started fleet to steady state before a gate's load begins. Three relay JVMs and this one
 * start cold on a machine of two cores; at a gate's rate (about 70 requests per second per member) the request
 * path reaches the JIT's compile thresholds only after minutes, so the members would compile it under the gate's
 * load and a healthy canary would show seconds of queueing. Instead each member in turn gets a closed-loop burst
 * of chat requests (blue only: no rollout is live, nothing is judged), then the wait lasts until the members and
 * this JVM (mocks, clients) have stopped compiling: their CPU under a share of one core. Both figures become the
 * gate's {@code fleet_warm} event.
 *
 * @param perMember   how long each member's burst lasts
 * @param concurrency requests in flight during a burst
 * @param quietShare  the share of one core (members and this JVM together) under which the fleet is quiet
 * @param quietAtMost the longest the quiet wait may last
 */
record FleetWarmUp(Duration perMember, int concurrency, double quietShare, Duration quietAtMost) {

    static final FleetWarmUp DEFAULT = new FleetWarmUp(Duration.ofSeconds(3), 8, 0.15, Duration.ofSeconds(20));

    /** What the warm-up did: requests sent and failed, the bursts' wall time, and how the quiet wait ended. */
    record Result(long requests, long failed, long burstMs, CpuQuiet.Result quiet) {
        String describe() {
            return requests + " requests (" + failed + " failed) in " + burstMs + " ms of bursts, then "
                    + quiet.describe();
        }
    }

    Result run(FleetRig rig) {
        long requests = 0;
        long failed = 0;
        long start = System.nanoTime();
        try (OpenLoopClient client = new OpenLoopClient(concurrency, ChatTraffic.body(0, false))) {
            for (FleetRig.Member m : rig.members()) {
                OpenLoopClient.BlockResult r = client.closedLoop(
                        new Target(m.name(), m.url() + "/v1/chat/completions", GateRig.CLIENT_KEY),
                        concurrency,
                        perMember);
                requests += r.sent();
                failed += r.failed();
            }
        }
        long burstMs = (System.nanoTime() - start) / 1_000_000L;
        CpuQuiet.Result quiet = CpuQuiet.await(
                () -> rig.membersCpuNanos() + ownCpuNanos(), Duration.ofMillis(500), quietShare, quietAtMost);
        return new Result(requests, failed, burstMs, quiet);
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
    }
}
