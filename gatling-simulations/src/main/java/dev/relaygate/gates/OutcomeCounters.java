package dev.relaygate.gates;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What clients saw, per environment (from the relay's {@code X-Relay-Environment} header): requests and
 * failures as {@link LongAdder}s, read through immutable snapshots. Client-side counts make the gates
 * independent of the relay's own bookkeeping.
 */
public final class OutcomeCounters {

    /** Requests without an environment header (connection errors, relay errors) count here. */
    public static final String UNKNOWN = "unknown";

    /** One environment's totals at an instant. */
    public record Tally(long requests, long errors) {
        public Tally minus(Tally earlier) {
            return new Tally(requests - earlier.requests, errors - earlier.errors);
        }

        /** Errors over requests, NaN when there were none. */
        public double errorRate() {
            return requests == 0 ? Double.NaN : (double) errors / requests;
        }
    }

    private record Adders(LongAdder requests, LongAdder errors) {}

    private final Map<String, Adders> byEnvironment = new ConcurrentHashMap<>();

    public void record(String environment, boolean failed) {
        String env = environment == null || environment.isBlank() ? UNKNOWN : environment;
        Adders adders = byEnvironment.computeIfAbsent(env, k -> new Adders(new LongAdder(), new LongAdder()));
        adders.requests.increment();
        if (failed) {
            adders.errors.increment();
        }
    }

    public Map<String, Tally> snapshot() {
        Map<String, Tally> out = new TreeMap<>();
        byEnvironment.forEach((env, a) -> out.put(env, new Tally(a.requests.sum(), a.errors.sum())));
        return out;
    }

    public Tally of(String environment) {
        return snapshot().getOrDefault(environment, new Tally(0, 0));
    }

    public Tally total() {
        long requests = 0;
        long errors = 0;
        for (Tally t : snapshot().values()) {
            requests += t.requests;
            errors += t.errors;
        }
        return new Tally(requests, errors);
    }
}
