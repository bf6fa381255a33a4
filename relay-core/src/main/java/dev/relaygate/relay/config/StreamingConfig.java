package dev.relaygate.relay.config;

/**
 * {@code streaming}: SSE pass-through.
 *
 * @param idleTimeoutMs longest silence between two chunks of a started response before the relay
 *                      gives up on the upstream and ends the client's stream (0 = none; default 120000)
 */
public record StreamingConfig(Long idleTimeoutMs) {

    public StreamingConfig {
        idleTimeoutMs = idleTimeoutMs == null ? 120_000L : idleTimeoutMs;
    }

    public static StreamingConfig defaults() {
        return new StreamingConfig(null);
    }
}
