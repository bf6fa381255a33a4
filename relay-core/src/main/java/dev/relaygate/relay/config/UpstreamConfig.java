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
 */
public record UpstreamConfig(Long connectTimeoutMs, Long timeoutMs, Integer maxRetries, Long retryBackoffMs,
                             Integer poolSize) {

    public UpstreamConfig {
        connectTimeoutMs = connectTimeoutMs == null ? 2_000L : connectTimeoutMs;
        timeoutMs = timeoutMs == null ? 60_000L : timeoutMs;
        maxRetries = maxRetries == null ? 2 : maxRetries;
        retryBackoffMs = retryBackoffMs == null ? 50L : retryBackoffMs;
        poolSize = poolSize == null ? 256 : poolSize;
    }

    public static UpstreamConfig defaults() {
        return new UpstreamConfig(null, null, null, null, null);
    }
}
