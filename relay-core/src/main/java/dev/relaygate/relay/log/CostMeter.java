package dev.relaygate.relay.log;

import dev.relaygate.relay.exchange.Environment;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Cost totals per environment (adders; read through {@link #snapshot}) for status and /metrics. */
public final class CostMeter {

    /** One environment's cost so far. */
    public record EnvironmentCost(long requests, long pricedRequests, double costUsd) {

        /** Average cost of 1,000 priced requests, or 0 before any. */
        public double costPer1000RequestsUsd() {
            return pricedRequests == 0 ? 0.0 : costUsd * 1000.0 / pricedRequests;
        }
    }

    private final Map<Environment, LongAdder> requests = new EnumMap<>(Environment.class);
    private final Map<Environment, LongAdder> priced = new EnumMap<>(Environment.class);
    private final Map<Environment, DoubleAdder> cost = new EnumMap<>(Environment.class);

    public CostMeter() {
        for (Environment e : Environment.all()) {
            requests.put(e, new LongAdder());
            priced.put(e, new LongAdder());
            cost.put(e, new DoubleAdder());
        }
    }

    /** @param costUsd the request's cost, or NaN when its model has no price */
    public void record(Environment env, double costUsd) {
        requests.get(env).increment();
        if (!Double.isNaN(costUsd)) {
            priced.get(env).increment();
            cost.get(env).add(costUsd);
        }
    }

    public EnvironmentCost snapshot(Environment env) {
        return new EnvironmentCost(
                requests.get(env).sum(), priced.get(env).sum(), cost.get(env).sum());
    }
}
