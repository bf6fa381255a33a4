package dev.relaygate.gates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * A per-second timeline built after the run from every request's start instant: requests, failures,
 * green share and p99 latency of the requests that started in each second. It shows when in a run a
 * figure was made (a start-up transient, a spike) without any sampling thread.
 */
public final class PerSecond {

    private PerSecond() {}

    public static List<Map<String, Object>> of(List<Observation> observations, GateClock clock) {
        Map<Long, List<Observation>> bySecond = new TreeMap<>();
        for (Observation o : observations) {
            bySecond.computeIfAbsent(clock.msAt(o.startNanos()) / 1000, k -> new ArrayList<>())
                    .add(o);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        bySecond.forEach((second, list) -> {
            Histogram h = new Histogram(LatencyRecorder.HIGHEST_US, 3);
            long failed = 0;
            long green = 0;
            for (Observation o : list) {
                if (o.answered()) {
                    h.recordValue(Math.max(1, Math.min(o.latencyMs() * 1000, LatencyRecorder.HIGHEST_US)));
                }
                failed += o.failed() ? 1 : 0;
                green += o.servedBy("green") ? 1 : 0;
            }
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("t_ms", second * 1000);
            sample.put("requests", list.size());
            sample.put("failed", failed);
            sample.put("green_share", LatencyRecorder.round((double) green / list.size()));
            if (h.getTotalCount() > 0) {
                sample.put("p99_ms", LatencyRecorder.round(h.getValueAtPercentile(99.0) / 1000.0));
            }
            out.add(sample);
        });
        return out;
    }
}
