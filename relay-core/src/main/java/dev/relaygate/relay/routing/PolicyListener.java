package dev.relaygate.relay.routing;

/** Told about a policy change after the new policy is already visible to new requests. */
@FunctionalInterface
public interface PolicyListener {

    void onChange(RoutingPolicy previous, RoutingPolicy current);
}
