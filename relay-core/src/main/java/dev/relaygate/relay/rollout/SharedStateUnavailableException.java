package dev.relaygate.relay.rollout;

/**
 * A decision could not be committed to the fleet's shared record (the cluster is out of reach, or kept
 * changing under the call): nothing was changed, and this member keeps routing by the last record it applied.
 */
public final class SharedStateUnavailableException extends RuntimeException {

    public SharedStateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
