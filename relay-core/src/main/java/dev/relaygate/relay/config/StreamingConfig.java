package dev.relaygate.relay.config;

/**
 * {@code streaming}: SSE pass-through.
 *
 * @param idleTimeoutMs longest silence between two chunks of a started response (SSE or JSON) before the relay
 *                      gives up on the upstream and cuts the client's response, counted as aborted by the
 *                      upstream (0 = none; default 120000). The wait for response headers is
 *                      {@code upstream.timeout_ms}, not this
 * @param bufferEvents  events held back before anything reaches the client (0 = pass-through; default 0).
 *                      A green stream that fails inside that window is retried on blue, unseen by the client
 */
public record StreamingConfig(Long idleTimeoutMs, Integer bufferEvents) {

    public StreamingConfig {
        idleTimeoutMs = idleTimeoutMs == null ? 120_000L : idleTimeoutMs;
        bufferEvents = bufferEvents == null ? 0 : bufferEvents;
    }

    /** Streaming without an event window ({@code buffer_events} 0). */
    public StreamingConfig(Long idleTimeoutMs) {
        this(idleTimeoutMs, null);
    }

    public static StreamingConfig defaults() {
        return new StreamingConfig(null, null);
    }
}
