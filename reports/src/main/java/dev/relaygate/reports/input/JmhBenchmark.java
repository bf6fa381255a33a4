package dev.relaygate.reports.input;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** One entry of JMH's JSON result: a benchmark method with one parameter combination. */
public record JmhBenchmark(
        String benchmark, String mode, Map<String, String> params, Metric primary, Map<String, Metric> secondary) {

    /** JMH's per-operation allocation figure from {@code -prof gc}. */
    public static final String ALLOC_NORM = "gc.alloc.rate.norm";

    public JmhBenchmark {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        secondary = Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
    }

    /** {@code Class.method} plus the parameters, e.g. {@code RouteBenchmark.decide [weight=10]}. */
    public String label() {
        int method = benchmark.lastIndexOf('.');
        int owner = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        String shortName = benchmark.substring(owner + 1);
        if (params.isEmpty()) {
            return shortName;
        }
        return shortName
                + params.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ", " [", "]"));
    }

    /** The primary score in ns/op when it is a time per operation (avgt, sample, ss modes). */
    public Optional<Double> nanosPerOp() {
        return nanosFactor(primary.unit()).map(factor -> primary.score() * factor);
    }

    /** The primary score error in ns/op; NaN when JMH had too few iterations to give one. */
    public double nanosPerOpError() {
        return nanosFactor(primary.unit())
                .map(factor -> primary.error() * factor)
                .orElse(Double.NaN);
    }

    /** Bytes allocated per operation, when the run used {@code -prof gc}. */
    public Optional<Double> bytesPerOp() {
        return Optional.ofNullable(secondary.get(ALLOC_NORM)).map(Metric::score);
    }

    private static Optional<Double> nanosFactor(String unit) {
        return switch (unit) {
            case "ns/op" -> Optional.of(1.0);
            case "us/op" -> Optional.of(1e3);
            case "ms/op" -> Optional.of(1e6);
            case "s/op" -> Optional.of(1e9);
            default -> Optional.empty();
        };
    }

    /** A JMH metric: score, its 99.9 % error (NaN when unknown) and its unit. */
    public record Metric(double score, double error, String unit) {}
}
