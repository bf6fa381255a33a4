package dev.relaygate.relay.rollout;

/** What a {@link RolloutEvent} records. */
public enum EventType {
    /** A rollout started (phase SHADOW or CANARY step 1). */
    STARTED,
    /** SHADOW ended in the first canary step. */
    SHADOW_PASSED,
    /** A canary step advanced: green's weight rose. */
    STEP_ADVANCED,
    /** Green reached 100%. */
    PROMOTED,
    /** Rolled back to blue 100 / green 0, automatically or manually; carries the evidence. */
    ROLLED_BACK,
    /** An operator traffic shift or cancel stopped the rollout. */
    CANCELLED,
    /** An operator reset ROLLED_BACK to STABLE. */
    RESET,
    /** The promotion ended with the roles swapped. */
    SWAPPED,
    /** The judge's decision changed (or the state was restored from the state file). */
    VERDICT,
    /** The controller restored its state from the state file at start. */
    RESTORED,
    /** A change another member of the fleet made, applied from the cluster record. */
    CLUSTER_APPLIED
}
