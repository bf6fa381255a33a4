package dev.relaygate.mock;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a mock provider behaves; switchable at run time. */
public enum Profile {
    /** Correct answers, deterministic text, small time to first event. */
    HEALTHY,
    /** Healthy plus {@code addedLatencyMs} before the first byte. */
    SLOW,
    /** {@code errorPercent}% of chat requests answer 500, 503 or 429, chosen by a seeded sequence. */
    FLAKY,
    /** Every request answers 401 in the OpenAI error shape. */
    UNAUTHORIZED,
    /** Every request gets a TCP connection reset before any byte. */
    RESET,
    /** Streams send {@code abortAfterEvents} events, then the connection drops (no [DONE], no clean chunked end). */
    MID_STREAM_ABORT,
    /** Streams send {@code abortAfterEvents} events and end cleanly without [DONE]. */
    TRUNCATED_STREAM,
    /** Healthy plus a log-normal delay (median {@code addedLatencyMs} or 50 ms when 0, sigma 1) before the first byte. */
    LATENCY_SPIKE,
    /** Healthy timing and usage, but different answer text than {@code HEALTHY} for the same prompt. */
    DIVERGENT;

    /** The CLI / admin spelling, e.g. {@code mid-stream-abort}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code mid-stream-abort}, {@code MID_STREAM_ABORT} or {@code mid_stream_abort}. */
    public static Profile parse(String text) {
        if (text != null) {
            String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Profile p : values()) {
                if (p.name().equals(normalized)) {
                    return p;
                }
            }
        }
        throw new IllegalArgumentException("profile must be one of "
                + Arrays.stream(values()).map(Profile::cliName).collect(Collectors.joining(", "))
                + ", but was " + text);
    }
}
