package dev.relaygate.relay.metrics;

import dev.relaygate.relay.exchange.Outcome;
import org.HdrHistogram.Histogram;

/**
 * One phase of one writer thread's outcomes: plain counters and two plain (non-concurrent)
 * histograms in microseconds.
 *
 * <p>Not thread-safe by design: while it is a {@link ThreadWriter}'s active tally only the owning
 * thread writes it; after a phase flip only the single reader touches it. The flip's
 * {@link org.HdrHistogram.WriterReaderPhaser} provides the happens-before edge between the two.
 */
final class OutcomeTally {

    private final long highestMicros;
    private final Histogram latency;
    private final Histogram ttfb;

    private long requests;
    private long status2xx;
    private long status4xx;
    private long status5xx;
    private long status429;
    private long timeouts;
    private long upstreamErrors;
    private long abortedStreams;
    private long clientCancelled;

    OutcomeTally(long highestMicros, int significantDigits) {
        this.highestMicros = highestMicros;
        this.latency = new Histogram(highestMicros, significantDigits);
        this.ttfb = new Histogram(highestMicros, significantDigits);
    }

    /** Same classification as the public {@code EnvironmentMetrics.recordOutcome} documents. */
    void record(Outcome outcome, int status, long latencyMicros, long ttfbMicros) {
        requests++;
        if (status >= 200 && status < 300) {
            status2xx++;
        } else if (status >= 400 && status < 500) {
            status4xx++;
            if (status == 429) {
                status429++;
            }
        } else if (status >= 500) {
            status5xx++;
        }
        switch (outcome) {
            case TIMEOUT -> timeouts++;
            case UPSTREAM_ERROR -> upstreamErrors++;
            case ABORTED_STREAM -> abortedStreams++;
            case CLIENT_CANCELLED -> clientCancelled++;
            default -> {
                // RESPONSE: the status class above is all there is to count
            }
        }
        if (latencyMicros >= 0 && outcome != Outcome.CLIENT_CANCELLED) {
            latency.recordValue(Math.min(latencyMicros, highestMicros));
        }
        if (ttfbMicros >= 0) {
            ttfb.recordValue(Math.min(ttfbMicros, highestMicros));
        }
    }

    /** True when nothing was recorded since the last {@link #reset()} (every record counts a request). */
    public boolean isEmpty() {
        return requests == 0;
    }

    public Counts counts() {
        return new Counts(
                requests,
                status2xx,
                status4xx,
                status5xx,
                status429,
                timeouts,
                upstreamErrors,
                abortedStreams,
                clientCancelled);
    }

    /** Latency to the last byte; read-only for the reader, valid until the tally is reset. */
    public Histogram latency() {
        return latency;
    }

    /** Time to the first response byte; read-only for the reader, valid until the tally is reset. */
    public Histogram ttfb() {
        return ttfb;
    }

    void reset() {
        requests = 0;
        status2xx = 0;
        status4xx = 0;
        status5xx = 0;
        status429 = 0;
        timeouts = 0;
        upstreamErrors = 0;
        abortedStreams = 0;
        clientCancelled = 0;
        latency.reset();
        ttfb.reset();
    }
}
