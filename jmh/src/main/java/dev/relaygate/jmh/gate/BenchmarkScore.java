package dev.relaygate.jmh.gate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * One entry of JMH's JSON result: a benchmark method with one parameter combination.
 *
 * @param benchmark  the fully qualified method, e.g. {@code dev.relaygate.jmh.RouteDecisionBenchmark.weighted}
 * @param params     the {@code @Param} values of this entry, in JMH's order
 * @param score      the primary score (JMH's mean over measurement iterations)
 * @param best       the fastest measurement iteration (JMH's 0th percentile). On a shared machine other
 *                   processes only ever add time, so this is the least disturbed figure; the gate's
 *                   ratio compares best with best
 * @param unit       the primary score's unit, e.g. {@code ns/op}
 * @param secondary  secondary scores by name, e.g. {@code gc.alloc.rate.norm} (B/op) from {@code -prof gc}
 */
public record BenchmarkScore(
        String benchmark,
        Map<String, String> params,
        double score,
        double best,
        String unit,
        Map<String, Double> secondary) {

    /** JMH's bytes allocated per operation, written by {@code -prof gc}. */
    public static final String ALLOC_NORM = "gc.alloc.rate.norm";

    public BenchmarkScore {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        secondary = Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
    }

    /** {@code Class.method}, without the package. */
    public String shortName() {
        int method = benchmark.lastIndexOf('.');
        int owner = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return benchmark.substring(owner + 1);
    }

    /** {@link #shortName()} plus the parameters: {@code RouteDecisionBenchmark.weighted [greenWeight=10]}. */
    public String label() {
        if (params.isEmpty()) {
            return shortName();
        }
        return shortName()
                + params.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ", " [", "]"));
    }

    /** The mean score in ns/op, when it is a time per operation. */
    public OptionalDouble nanosPerOp() {
        return inNanos(score);
    }

    /** The fastest iteration in ns/op, when the score is a time per operation. */
    public OptionalDouble bestNanosPerOp() {
        return inNanos(best);
    }

    private OptionalDouble inNanos(double value) {
        double factor = switch (unit) {
            case "ns/op" -> 1.0;
            case "us/op" -> 1e3;
            case "ms/op" -> 1e6;
            case "s/op" -> 1e9;
            default -> Double.NaN;
        };
        return Double.isNaN(factor) ? OptionalDouble.empty() : OptionalDouble.of(value * factor);
    }

    /** Bytes allocated per operation, when the run used {@code -prof gc}. */
    public OptionalDouble bytesPerOp() {
        Double bytes = secondary.get(ALLOC_NORM);
        return bytes == null ? OptionalDouble.empty() : OptionalDouble.of(bytes);
    }
}
