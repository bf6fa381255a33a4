/**
 * Time and randomness, injected everywhere: {@link dev.relaygate.relay.time.Clock} (policy code never reads the
 * system clock itself, so the controller and judge run on a hand-advanced clock in tests) and {@link
 * dev.relaygate.relay.time.RandomSource} (the split's bucket, retry jitter, shadow sampling; seeded in tests).
 * The bottom layer: uses nothing else in the relay.
 */
package dev.relaygate.relay.time;
