package dev.relaygate.relay.judge;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.relaygate.relay.metrics.Counts;

/**
 * The errors the judge counted, by cause: what an operator reads first when green is rolled back (a provider's
 * 5xx, timeouts, refused connections and streams cut short call for different fixes). Summed across slices,
 * windows and, in a fleet, members.
 *
 * @param status429 upstream 429s, counted only where {@code count_429_as_error} makes them errors
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ErrorCauses(long status5xx, long status429, long timeouts, long upstreamErrors, long abortedStreams) {

    /** No errors, or errors not broken down by cause. */
    public static final ErrorCauses NONE = new ErrorCauses(0, 0, 0, 0, 0);

    public ErrorCauses {
        if (status5xx < 0 || status429 < 0 || timeouts < 0 || upstreamErrors < 0 || abortedStreams < 0) {
            throw new IllegalArgumentException("error counts must be >= 0, but were " + status5xx + ", " + status429
                    + ", " + timeouts + ", " + upstreamErrors + ", " + abortedStreams);
        }
    }

    /** The causes of {@link Counts#errors(boolean)}. */
    public static ErrorCauses of(Counts c, boolean count429) {
        return new ErrorCauses(
                c.status5xx(), count429 ? c.status429() : 0, c.timeouts(), c.upstreamErrors(), c.abortedStreams());
    }

    public ErrorCauses plus(ErrorCauses o) {
        return new ErrorCauses(
                status5xx + o.status5xx,
                status429 + o.status429,
                timeouts + o.timeouts,
                upstreamErrors + o.upstreamErrors,
                abortedStreams + o.abortedStreams);
    }

    public ErrorCauses minus(ErrorCauses o) {
        return new ErrorCauses(
                status5xx - o.status5xx,
                status429 - o.status429,
                timeouts - o.timeouts,
                upstreamErrors - o.upstreamErrors,
                abortedStreams - o.abortedStreams);
    }

    public long total() {
        return status5xx + status429 + timeouts + upstreamErrors + abortedStreams;
    }
}
