/**
 * The route decision: the immutable {@link dev.relaygate.relay.routing.RoutingPolicy} held in one {@link
 * dev.relaygate.relay.routing.PolicyStore} (swapped atomically, listeners told after the swap) and the {@link
 * dev.relaygate.relay.routing.Router} that picks blue or green from one snapshot, an override header and an
 * optional affinity hash. Pure Java, no Vert.x; may use {@code config} and the bottom layer.
 */
package dev.relaygate.relay.routing;
