package dev.relaygate.relay.metrics;

/**
 * Request counts for one environment, either accumulated since start or for one interval.
 * Status classes count upstream statuses the client received (429 is also in {@code status4xx});
 * {@code timeouts} and {@code upstreamErrors} are requests upstream never answered (the relay's
 * own 504/502 are not in {@code status5xx}).
 */
public record Counts(
        long requests,
        long status2xx,
        long status4xx,
        long status5xx,
        long status429,
        long timeouts,
        long upstreamErrors,
        long abortedStreams,
        long clientCancelled) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Requests that count against the environment: upstream 5xx, timeouts, connection failures,
     * streams aborted upstream, and 429 when {@code count429} is set. Client-caused 4xx never count.
     */
    public long errors(boolean count429) {
        return status5xx + timeouts + upstreamErrors + abortedStreams + (count429 ? status429 : 0);
    }

    /** Requests whose outcome says something about the environment (client cancellations excluded). */
    public long judged() {
        return requests - clientCancelled;
    }

    /** {@link #errors(boolean)} over {@link #judged()}, or 0 when nothing was judged. */
    public double errorRate(boolean count429) {
        long judged = judged();
        return judged <= 0 ? 0.0 : (double) errors(count429) / judged;
    }

    /** This minus an earlier cumulative reading: the counts of the interval between them. */
    public Counts minus(Counts earlier) {
        return new Counts(
                requests - earlier.requests,
                status2xx - earlier.status2xx,
                status4xx - earlier.status4xx,
                status5xx - earlier.status5xx,
                status429 - earlier.status429,
                timeouts - earlier.timeouts,
                upstreamErrors - earlier.upstreamErrors,
                abortedStreams - earlier.abortedStreams,
                clientCancelled - earlier.clientCancelled);
    }

    public Counts plus(Counts other) {
        return new Counts(
                requests + other.requests,
                status2xx + other.status2xx,
                status4xx + other.status4xx,
                status5xx + other.status5xx,
                status429 + other.status429,
                timeouts + other.timeouts,
                upstreamErrors + other.upstreamErrors,
                abortedStreams + other.abortedStreams,
                clientCancelled + other.clientCancelled);
    }
}
