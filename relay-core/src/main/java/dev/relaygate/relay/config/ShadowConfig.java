package dev.relaygate.relay.config;

/**
 * {@code shadow}: mirroring blue's requests to green (SHADOW phase or {@code routing.strategy: shadow}).
 *
 * @param sampleRate     share of eligible blue requests mirrored [0,1] (default 1)
 * @param tokenTolerance usage counts within this relative difference match (default 0.05)
 * @param queueCapacity  mirrored requests in flight at most; beyond it copies are dropped and counted (default 256)
 */
public record ShadowConfig(Double sampleRate, Double tokenTolerance, Integer queueCapacity) {

    public ShadowConfig {
        sampleRate = sampleRate == null ? 1.0 : sampleRate;
        tokenTolerance = tokenTolerance == null ? 0.05 : tokenTolerance;
        queueCapacity = queueCapacity == null ? 256 : queueCapacity;
    }

    public static ShadowConfig defaults() {
        return new ShadowConfig(null, null, null);
    }
}
