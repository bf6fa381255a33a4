package dev.relaygate.relay.judge;

import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * One environment's judged outcomes over one interval.
 *
 * @param requests  requests whose outcome says something about the environment
 * @param errors    of those, the ones the judge counts as errors (5xx, timeouts, connection
 *                  failures, aborted streams, 429 if configured)
 * @param latencyMs latency in whole milliseconds, in the judge's compact layout
 *                  ({@link LatencyHistograms#newMillis()}); treat as read-only
 * @param causes    the errors by cause ({@link ErrorCauses#NONE} where they are not broken down)
 */
public record EnvironmentSlice(long requests, long errors, Histogram latencyMs, ErrorCauses causes) {

    /** A slice whose errors are not broken down by cause. */
    public EnvironmentSlice(long requests, long errors, Histogram latencyMs) {
        this(requests, errors, latencyMs, ErrorCauses.NONE);
    }

    public EnvironmentSlice {
        if (requests < 0) {
            throw new IllegalArgumentException("requests must be >= 0, but was " + requests);
        }
        if (errors < 0 || errors > requests) {
            throw new IllegalArgumentException("errors must be in [0," + requests + "], but was " + errors);
        }
        Objects.requireNonNull(latencyMs, "latencyMs");
        Objects.requireNonNull(causes, "causes");
    }

    /** A slice with no traffic. */
    public static EnvironmentSlice empty() {
        return new EnvironmentSlice(0, 0, LatencyHistograms.newMillis());
    }

    /** errors / requests, or 0 without requests. */
    public double errorRate() {
        return requests == 0 ? 0.0 : (double) errors / requests;
    }
}
