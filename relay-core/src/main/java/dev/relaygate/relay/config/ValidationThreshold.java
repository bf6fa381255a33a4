package dev.relaygate.relay.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The canary judge's thresholds: the vendor playbook's {@code traffic_shift.validation_threshold} object
 * ({@code error_rate}, {@code latency_p99_ms}, {@code p99_difference_ms}) plus our own fields.
 * Missing fields take the defaults below; every field is validated with a message naming it.
 *
 * @param errorRate          H1 of the error-rate SPRT: green's error rate that must roll back
 * @param latencyP99Ms       green p99 above this breaches
 * @param p99DifferenceMs    green p99 minus blue p99 above this breaches (when the shift is significant)
 * @param minSamples         each check needs this many samples in the window before it may speak
 * @param confidence         1 - alpha: alpha is the false-rollback rate each test is built for
 * @param baselineErrorRate  H0 when blue has too few samples, and the floor of blue's observed rate
 * @param count429AsError    whether upstream 429 counts as green's error
 * @param minSimilarity      a shadow comparison below this text similarity is "dissimilar"
 * @param maxDissimilarShare the share of dissimilar shadow answers that breaches
 */
public record ValidationThreshold(
        @JsonProperty("error_rate") double errorRate,
        @JsonProperty("latency_p99_ms") long latencyP99Ms,
        @JsonProperty("p99_difference_ms") long p99DifferenceMs,
        @JsonProperty("min_samples") long minSamples,
        @JsonProperty("confidence") double confidence,
        @JsonProperty("baseline_error_rate") double baselineErrorRate,
        @JsonProperty("count_429_as_error") boolean count429AsError,
        @JsonProperty("min_similarity") double minSimilarity,
        @JsonProperty("max_dissimilar_share") double maxDissimilarShare) {

    public static final double DEFAULT_ERROR_RATE = 0.01;
    public static final long DEFAULT_LATENCY_P99_MS = 200;
    public static final long DEFAULT_P99_DIFFERENCE_MS = 50;
    public static final long DEFAULT_MIN_SAMPLES = 100;
    public static final double DEFAULT_CONFIDENCE = 0.999;
    public static final double DEFAULT_BASELINE_ERROR_RATE = 0.001;
    public static final double DEFAULT_MIN_SIMILARITY = 0.92;
    public static final double DEFAULT_MAX_DISSIMILAR_SHARE = 0.05;

    private static final String P = "validation_threshold.";

    public ValidationThreshold {
        Validate.openUnit(P + "error_rate", errorRate);
        Validate.positive(P + "latency_p99_ms", latencyP99Ms);
        Validate.atLeast(P + "p99_difference_ms", p99DifferenceMs, 0);
        Validate.atLeast(P + "min_samples", minSamples, 1);
        Validate.openUnit(P + "confidence", confidence);
        Validate.openUnit(P + "baseline_error_rate", baselineErrorRate);
        if (baselineErrorRate >= errorRate) {
            throw new InvalidValueException(
                    P + "baseline_error_rate",
                    P + "baseline_error_rate must be below" + " error_rate (" + errorRate + "), but was "
                            + baselineErrorRate);
        }
        Validate.closedUnit(P + "min_similarity", minSimilarity);
        Validate.openUnit(P + "max_dissimilar_share", maxDissimilarShare);
    }

    /** Binds JSON/YAML: absent fields take their defaults. */
    @JsonCreator
    public static ValidationThreshold of(
            @JsonProperty("error_rate") Double errorRate,
            @JsonProperty("latency_p99_ms") Long latencyP99Ms,
            @JsonProperty("p99_difference_ms") Long p99DifferenceMs,
            @JsonProperty("min_samples") Long minSamples,
            @JsonProperty("confidence") Double confidence,
            @JsonProperty("baseline_error_rate") Double baselineErrorRate,
            @JsonProperty("count_429_as_error") Boolean count429AsError,
            @JsonProperty("min_similarity") Double minSimilarity,
            @JsonProperty("max_dissimilar_share") Double maxDissimilarShare) {
        return new ValidationThreshold(
                errorRate == null ? DEFAULT_ERROR_RATE : errorRate,
                latencyP99Ms == null ? DEFAULT_LATENCY_P99_MS : latencyP99Ms,
                p99DifferenceMs == null ? DEFAULT_P99_DIFFERENCE_MS : p99DifferenceMs,
                minSamples == null ? DEFAULT_MIN_SAMPLES : minSamples,
                confidence == null ? DEFAULT_CONFIDENCE : confidence,
                baselineErrorRate == null ? DEFAULT_BASELINE_ERROR_RATE : baselineErrorRate,
                count429AsError == null || count429AsError,
                minSimilarity == null ? DEFAULT_MIN_SIMILARITY : minSimilarity,
                maxDissimilarShare == null ? DEFAULT_MAX_DISSIMILAR_SHARE : maxDissimilarShare);
    }

    /** All defaults (the vendor playbook's thresholds plus ours). */
    public static ValidationThreshold defaults() {
        return of(null, null, null, null, null, null, null, null, null);
    }

    /** 1 - confidence. */
    public double alpha() {
        return 1.0 - confidence;
    }
}
