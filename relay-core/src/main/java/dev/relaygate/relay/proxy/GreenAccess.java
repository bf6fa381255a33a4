package dev.relaygate.relay.proxy;

/**
 * Whether a client's {@code X-Route-Policy: green} may reach green right now. The composition root answers it
 * from the rollout (rolled back) and the health probes (key rejected, unhealthy); read once per forced request,
 * so implementations must be cheap and allocation-free.
 */
@FunctionalInterface
public interface GreenAccess {

    /** Why green must not be reached now (a short constant phrase such as "green is rolled back"), or null. */
    String refusal();
}
