package dev.relaygate.gates;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/**
 * The per-second probe of the fleet gates: each running member's green weight and applied record version
 * from its own {@code GET /admin/status} (a stopped or killed member is left out, never waited for), the
 * highest green weight any running member routes on, the leader and the phase; and, from the clients'
 * side, the requests, errors and green share of that second.
 */
public final class FleetTimeline implements LongFunction<Map<String, Object>> {

    private final FleetRig rig;
    private final OutcomeCounters counters;
    private OutcomeCounters.Tally lastGreen = new OutcomeCounters.Tally(0, 0);
    private OutcomeCounters.Tally lastTotal = new OutcomeCounters.Tally(0, 0);

    public FleetTimeline(FleetRig rig, OutcomeCounters counters) {
        this.rig = rig;
        this.counters = counters;
    }

    public static TimelineSampler sampler(GateClock clock, FleetRig rig, OutcomeCounters counters) {
        return new TimelineSampler(clock, new FleetTimeline(rig, counters));
    }

    @Override
    public synchronized Map<String, Object> apply(long tMs) {
        Map<String, Object> sample = new LinkedHashMap<>();
        int maxGreen = -1;
        String phase = null;
        String leader = null;
        int running = 0;
        for (FleetRig.Member m : rig.members()) {
            String key = "member_" + (m.index() + 1);
            if (!m.running()) {
                sample.put(key + "_state", m.state().name());
                continue;
            }
            running++;
            try {
                JsonNode status = m.probe().status().body();
                int green = status.path("weights").path("green").asInt(-1);
                sample.put(key + "_green_weight", green);
                sample.put(
                        key + "_applied_version",
                        status.path("cluster").path("applied_version").asLong(-1));
                maxGreen = Math.max(maxGreen, green);
                if (phase == null) {
                    phase = RelayTimeline.phase(status);
                }
                if (leader == null) {
                    leader = status.path("cluster").path("leader").asText(null);
                }
            } catch (RuntimeException e) {
                sample.put(key + "_probe_error", String.valueOf(e.getMessage()));
            }
        }
        if (maxGreen >= 0) {
            sample.put("green_weight", maxGreen);
        }
        if (phase != null) {
            sample.put("phase", phase);
        }
        if (leader != null) {
            sample.put("leader", leader);
        }
        sample.put("members_running", running);
        OutcomeCounters.Tally green = counters.of("green");
        OutcomeCounters.Tally total = counters.total();
        OutcomeCounters.Tally greenDelta = green.minus(lastGreen);
        OutcomeCounters.Tally totalDelta = total.minus(lastTotal);
        lastGreen = green;
        lastTotal = total;
        if (greenDelta.requests() > 0) {
            sample.put("green_error_rate", Rounding.round4(greenDelta.errorRate()));
        }
        sample.put(
                "green_share",
                totalDelta.requests() == 0
                        ? 0.0
                        : Rounding.round4((double) greenDelta.requests() / totalDelta.requests()));
        sample.put("requests", totalDelta.requests());
        sample.put("errors", totalDelta.errors());
        return sample;
    }

    /**
     * The samples with, in each, the p99 of the answered requests that started in the second before it
     * ({@code client_p99_ms}): a stalled load generator or a busy machine shows as a spike there, next to
     * the relay's own view of the same second.
     */
    public static List<Map<String, Object>> withClientP99(
            List<Map<String, Object>> samples, List<Observation> observations, GateClock clock) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> sample : samples) {
            Map<String, Object> copy = new LinkedHashMap<>(sample);
            long t = ((Number) sample.get("t_ms")).longValue();
            Histogram h = new Histogram(LatencyRecorder.HIGHEST_US, 3);
            for (Observation o : observations) {
                long start = clock.msAt(o.startNanos());
                if (o.answered() && start >= t - 1000 && start < t) {
                    h.recordValue(Math.max(1, Math.min(o.latencyMs() * 1000, LatencyRecorder.HIGHEST_US)));
                }
            }
            if (h.getTotalCount() > 0) {
                copy.put("client_p99_ms", LatencyRecorder.round(h.getValueAtPercentile(99.0) / 1000.0));
            }
            out.add(copy);
        }
        return out;
    }
}
