package dev.relaygate.gates;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The per-second probe of the rollback gates: green's weight and the rollout phase from the relay's
 * {@code GET /admin/status}, and from the clients' side, per interval, the green share of answers and
 * green's error rate. Client-side rates come from {@link OutcomeCounters} deltas, so they show what
 * users saw in that second, not the relay's opinion of it.
 */
public final class RelayTimeline implements LongFunction<Map<String, Object>> {

    private final AdminClient admin;
    private final OutcomeCounters counters;
    private OutcomeCounters.Tally lastGreen = new OutcomeCounters.Tally(0, 0);
    private OutcomeCounters.Tally lastTotal = new OutcomeCounters.Tally(0, 0);

    public RelayTimeline(AdminClient admin, OutcomeCounters counters) {
        this.admin = admin;
        this.counters = counters;
    }

    /** A sampler of this probe, once per second. */
    public static TimelineSampler sampler(GateClock clock, AdminClient admin, OutcomeCounters counters) {
        return new TimelineSampler(clock, new RelayTimeline(admin, counters));
    }

    @Override
    public synchronized Map<String, Object> apply(long tMs) {
        Map<String, Object> sample = new LinkedHashMap<>();
        OutcomeCounters.Tally green = counters.of("green");
        OutcomeCounters.Tally total = counters.total();
        OutcomeCounters.Tally greenDelta = green.minus(lastGreen);
        OutcomeCounters.Tally totalDelta = total.minus(lastTotal);
        lastGreen = green;
        lastTotal = total;
        JsonNode status = admin.status().body();
        JsonNode weight = status.path("weights").path("green");
        if (weight.isNumber()) {
            sample.put("green_weight", weight.asInt());
        }
        String phase = phase(status);
        if (phase != null) {
            sample.put("phase", phase);
        }
        // a second without green traffic has no green error rate: absent, not a reassuring 0.0
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

    /** The rollout phase from a {@code rollout} status section, when the relay has one. */
    static String phase(JsonNode status) {
        JsonNode rollout = status.path("rollout");
        JsonNode phase = rollout.isObject() ? rollout.path("phase") : status.path("phase");
        return phase.isTextual() ? phase.asText() : null;
    }
}
