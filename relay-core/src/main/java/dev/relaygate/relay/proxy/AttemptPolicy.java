package dev.relaygate.relay.proxy;

import dev.relaygate.relay.config.UpstreamConfig;
import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.time.RandomSource;

/**
 * When an upstream attempt may be followed by another, and when the client's wait ends. Retries
 * (connect failure, 502, 503) and a green-to-blue failover happen only before any response byte reached
 * the client; the deadline for response headers spans every attempt, so no client waits past
 * {@code upstream.timeout_ms}. Immutable and shared by every exchange.
 */
final class AttemptPolicy {

    private final long timeoutNanos;
    private final long connectTimeoutNanos;
    private final int maxRetries;
    private final long retryBackoffMs;
    private final RandomSource random;

    AttemptPolicy(UpstreamConfig upstream, RandomSource random) {
        this(
                upstream.timeoutMs(),
                upstream.connectTimeoutMs(),
                upstream.maxRetries(),
                upstream.retryBackoffMs(),
                random);
    }

    AttemptPolicy(long timeoutMs, long connectTimeoutMs, int maxRetries, long retryBackoffMs, RandomSource random) {
        this.timeoutNanos = timeoutMs * 1_000_000L;
        this.connectTimeoutNanos = connectTimeoutMs * 1_000_000L;
        this.maxRetries = maxRetries;
        this.retryBackoffMs = retryBackoffMs;
        this.random = random;
    }

    long timeoutMs() {
        return timeoutNanos / 1_000_000L;
    }

    /** Time left for response headers, across all attempts of an exchange that started at {@code startNanos}. */
    long remainingNanos(long startNanos, long nowNanos) {
        return startNanos + timeoutNanos - nowNanos;
    }

    /**
     * Whether a connection asked for at {@code openedAtNanos} and still not given at {@code nowNanos} waited in the
     * relay's own pool: a TCP/TLS connect would have failed by {@code connect_timeout_ms} already.
     */
    boolean waitedForPool(long openedAtNanos, long nowNanos) {
        return nowNanos - openedAtNanos > connectTimeoutNanos;
    }

    /** Whether the attempt numbered {@code attempt} (0 for the first) may be retried after a retryable failure. */
    boolean mayRetry(int attempt) {
        return attempt < maxRetries;
    }

    /** 502 and 503 say the upstream did not handle the request: safe to send again. */
    static boolean retryableStatus(int status) {
        return status == 502 || status == 503;
    }

    /**
     * Whether an answer from {@code environment} may move to blue: only green's, only once, and only while the
     * client has seen nothing of it (the exchange checks that).
     */
    static boolean mayFailOver(Environment environment, boolean failedOverBefore) {
        return environment == Environment.GREEN && !failedOverBefore;
    }

    /** A status that makes a held green stream fail over: any 5xx, or 429. */
    static boolean failOverStatus(int status) {
        return status >= 500 || status == 429;
    }

    /** Full-jitter exponential backoff before the next attempt: a random wait in [0, base * 2^attempt). */
    long backoffMs(int attempt) {
        long ceiling = retryBackoffMs << Math.min(attempt, 16);
        return ceiling <= 0 ? 0 : random.nextLong(ceiling);
    }
}
