package dev.relaygate.mock;

import java.util.Objects;

/**
 * One immutable profile with its parameters. All durations are milliseconds.
 *
 * @param profile            behaviour
 * @param addedLatencyMs     SLOW: fixed delay before the first byte; LATENCY_SPIKE: log-normal median (50 if 0)
 * @param errorPercent       FLAKY: share of chat requests that fail, in [0,100]
 * @param timeToFirstEventMs delay until the first SSE event (and the whole JSON answer); effective value
 *                           is max(timeToFirstEventMs, gapBetweenEventsMs) because WireMock's dribble
 *                           sleeps before every chunk
 * @param gapBetweenEventsMs spacing between SSE events
 * @param tokensPerAnswer    completion tokens (= content chunks) per answer, capped by the request's max_tokens
 * @param abortAfterEvents   MID_STREAM_ABORT / TRUNCATED_STREAM: events sent before the cut
 * @param seed               FLAKY: seed of the failure sequence, so runs repeat
 */
public record ProfileSettings(
        Profile profile,
        int addedLatencyMs,
        double errorPercent,
        int timeToFirstEventMs,
        int gapBetweenEventsMs,
        int tokensPerAnswer,
        int abortAfterEvents,
        long seed) {

    /** Sigma of the LATENCY_SPIKE log-normal distribution: p99 is about 10x the median. */
    public static final double LATENCY_SPIKE_SIGMA = 1.0;

    /** LATENCY_SPIKE median when {@code addedLatencyMs} is 0 (a zero-median log-normal would be no spike). */
    public static final int DEFAULT_SPIKE_MEDIAN_MS = 50;

    public ProfileSettings {
        Objects.requireNonNull(profile, "profile must not be null");
        requireRange("added_latency_ms", addedLatencyMs, 0, 600_000);
        if (!(errorPercent >= 0.0 && errorPercent <= 100.0)) {
            throw new IllegalArgumentException("error_percent must be in [0,100], but was " + errorPercent);
        }
        requireRange("time_to_first_event_ms", timeToFirstEventMs, 0, 600_000);
        requireRange("gap_between_events_ms", gapBetweenEventsMs, 0, 60_000);
        requireRange("tokens_per_answer", tokensPerAnswer, 1, 100_000);
        requireRange("abort_after_events", abortAfterEvents, 0, 100_000);
    }

    private static void requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be in [" + min + "," + max + "], but was " + value);
        }
    }

    /** The LATENCY_SPIKE log-normal median: {@code addedLatencyMs}, or {@value #DEFAULT_SPIKE_MEDIAN_MS} when 0. */
    public int latencySpikeMedianMs() {
        return addedLatencyMs > 0 ? addedLatencyMs : DEFAULT_SPIKE_MEDIAN_MS;
    }

    /** Healthy: 5 ms to first event, 5 ms between events, 8 tokens, 3 events before a cut, seed 42. */
    public static ProfileSettings healthy() {
        return new ProfileSettings(Profile.HEALTHY, 0, 0.0, 5, 5, 8, 3, 42L);
    }

    /** Healthy defaults with another profile. */
    public static ProfileSettings of(Profile p) {
        return healthy().withProfile(p);
    }

    public ProfileSettings withProfile(Profile p) {
        return new ProfileSettings(
                p,
                addedLatencyMs,
                errorPercent,
                timeToFirstEventMs,
                gapBetweenEventsMs,
                tokensPerAnswer,
                abortAfterEvents,
                seed);
    }

    public ProfileSettings withAddedLatencyMs(int ms) {
        return new ProfileSettings(
                profile,
                ms,
                errorPercent,
                timeToFirstEventMs,
                gapBetweenEventsMs,
                tokensPerAnswer,
                abortAfterEvents,
                seed);
    }

    public ProfileSettings withErrorPercent(double pct) {
        return new ProfileSettings(
                profile,
                addedLatencyMs,
                pct,
                timeToFirstEventMs,
                gapBetweenEventsMs,
                tokensPerAnswer,
                abortAfterEvents,
                seed);
    }

    public ProfileSettings withTimeToFirstEventMs(int ms) {
        return new ProfileSettings(
                profile, addedLatencyMs, errorPercent, ms, gapBetweenEventsMs, tokensPerAnswer, abortAfterEvents, seed);
    }

    public ProfileSettings withGapBetweenEventsMs(int ms) {
        return new ProfileSettings(
                profile, addedLatencyMs, errorPercent, timeToFirstEventMs, ms, tokensPerAnswer, abortAfterEvents, seed);
    }

    public ProfileSettings withTokensPerAnswer(int tokens) {
        return new ProfileSettings(
                profile,
                addedLatencyMs,
                errorPercent,
                timeToFirstEventMs,
                gapBetweenEventsMs,
                tokens,
                abortAfterEvents,
                seed);
    }

    public ProfileSettings withAbortAfterEvents(int events) {
        return new ProfileSettings(
                profile,
                addedLatencyMs,
                errorPercent,
                timeToFirstEventMs,
                gapBetweenEventsMs,
                tokensPerAnswer,
                events,
                seed);
    }

    public ProfileSettings withSeed(long newSeed) {
        return new ProfileSettings(
                profile,
                addedLatencyMs,
                errorPercent,
                timeToFirstEventMs,
                gapBetweenEventsMs,
                tokensPerAnswer,
                abortAfterEvents,
                newSeed);
    }
}
