/**
 * The stepped rollout: phases and their legal transitions, the {@link
 * dev.relaygate.relay.rollout.RolloutController} that judges each interval and advances, holds or rolls back,
 * its timer thread, the persisted state file, the events timeline, and the operator causes ({@link
 * dev.relaygate.relay.rollout.ManualChange}). Talks to the rest through narrow interfaces ({@code
 * IntervalSource}, {@code TrafficControl}). May use {@code judge}, {@code metrics}, {@code shadow}, {@code
 * routing}, {@code config} and the bottom layer.
 */
package dev.relaygate.relay.rollout;
