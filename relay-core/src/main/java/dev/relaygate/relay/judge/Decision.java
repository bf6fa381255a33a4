package dev.relaygate.relay.judge;

/** What the canary judge tells the rollout controller after one evaluation. */
public enum Decision {
    /** Not enough data or evidence yet: the step holds (never passes silently). */
    HOLD_INSUFFICIENT_DATA,
    /** Every required check is healthy: the step may advance once its interval has passed. */
    HEALTHY,
    /** A check breached: roll back now. */
    BREACH
}
