package dev.relaygate.relay.config;

/** {@code limits}: {@code max_body_bytes} caps a request body (default 10 MiB); larger ones get 413. */
public record LimitsConfig(Long maxBodyBytes) {

    public LimitsConfig {
        maxBodyBytes = maxBodyBytes == null ? 10L * 1024 * 1024 : maxBodyBytes;
    }

    public static LimitsConfig defaults() {
        return new LimitsConfig(null);
    }
}
