/**
 * The fleet: several relays running one rollout on Hazelcast, embedded through Vert.x's cluster manager. One
 * versioned cluster record (routing, rollout state, roles) changes only by compare-and-set; every member applies
 * it to its local policy store, so requests never make a cluster call. The oldest member leads the controller's
 * ticks and judges the window all members report. Only started when the config has a {@code cluster} section.
 * May use {@code rollout}, {@code routing}, {@code judge}, {@code config} and the bottom layer; only this package
 * and the composition root know Hazelcast.
 */
package dev.relaygate.relay.fleet;
