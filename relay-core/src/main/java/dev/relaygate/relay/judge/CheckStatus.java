package dev.relaygate.relay.judge;

/** The outcome of one judge check over one window. */
public enum CheckStatus {
    /** The evidence says green is within the threshold. */
    HEALTHY,
    /** The evidence says green is past the threshold at the configured confidence. */
    BREACH,
    /** Enough samples, but the evidence supports neither side yet (SPRT between its bounds). */
    INCONCLUSIVE,
    /** Fewer samples than {@code min_samples}: the check cannot speak yet. */
    INSUFFICIENT_DATA,
    /** The check does not apply to this window (e.g. no shadow comparisons outside shadow mode). */
    NOT_APPLICABLE
}
