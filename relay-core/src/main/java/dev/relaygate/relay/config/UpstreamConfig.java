package dev.relaygate.relay.config;

/**
 * {@code upstream}: how the relay talks to both environments.
 *
 * @param connectTimeoutMs TCP/TLS connect timeout (default 2000)
 * @param timeoutMs        time from sending a request to the upstream's response headers; past it
 *                         the client gets 504 (default 60000)
 * @param maxRetries       extra attempts on connect failure, 502 or 503, only before the first
 *                         response byte (default 2)
 * @param retryBackoffMs   base backoff; attempt n waits a random time in [0, base * 2^n) (default 50)
 * @param poolSize         pooled HTTP/1.1 connections per environment (default 256)
 * @param poolWaitQueue    requests that may wait for one of those connections when all are busy (default 256;
 *                         0 = none). Past it, or when a waiting request's {@code timeout_ms} ends while it still
 *                         waits, the client gets 503 naming the relay's pool, with {@code Retry-After}
 * @param keepAliveTimeoutSeconds a pooled connection idle this long is closed by the relay (default 15). Keep
 *                         it below the upstream's own idle timeout (Jetty 30 s, AWS ALB 60 s, nginx 75 s,
 *                         Node.js 5 s): a server that closes first races the relay's next request on that
 *                         connection, which then fails after it was sent and cannot be retried safely. For a
 *                         Node.js upstream set 4.
 */
public record UpstreamConfig(
        Long connectTimeoutMs,
        Long timeoutMs,
        Integer maxRetries,
        Long retryBackoffMs,
        Integer poolSize,
        Integer keepAliveTimeoutSeconds,
        Integer poolWaitQueue) {

    public UpstreamConfig {
        connectTimeoutMs = connectTimeoutMs == null ? 2_000L : connectTimeoutMs;
        timeoutMs = timeoutMs == null ? 60_000L : timeoutMs;
        maxRetries = maxRetries == null ? 2 : maxRetries;
        retryBackoffMs = retryBackoffMs == null ? 50L : retryBackoffMs;
        poolSize = poolSize == null ? 256 : poolSize;
        keepAliveTimeoutSeconds = keepAliveTimeoutSeconds == null ? 15 : keepAliveTimeoutSeconds;
        poolWaitQueue = poolWaitQueue == null ? 256 : poolWaitQueue;
    }

    /** Without {@code pool_wait_queue}: its default applies. */
    public UpstreamConfig(
            Long connectTimeoutMs,
            Long timeoutMs,
            Integer maxRetries,
            Long retryBackoffMs,
            Integer poolSize,
            Integer keepAliveTimeoutSeconds) {
        this(connectTimeoutMs, timeoutMs, maxRetries, retryBackoffMs, poolSize, keepAliveTimeoutSeconds, null);
    }

    public static UpstreamConfig defaults() {
        return new UpstreamConfig(null, null, null, null, null, null);
    }
}
