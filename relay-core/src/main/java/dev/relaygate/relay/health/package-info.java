/**
 * Active health checks and key validation: a {@code GET /models} probe of each upstream with its own key
 * ({@link dev.relaygate.relay.health.ModelsProbe}), the latest result per environment, and the veto that blocks
 * a shift to a green whose key is rejected or which is unhealthy. May use {@code upstream}, {@code config} and
 * the bottom layer.
 */
package dev.relaygate.relay.health;
