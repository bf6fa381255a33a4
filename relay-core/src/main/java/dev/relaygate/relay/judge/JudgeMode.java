package dev.relaygate.relay.judge;

/** Which checks must speak before the judge may say HEALTHY; any check may always say BREACH. */
public enum JudgeMode {
    /** Shadow mode: green serves no clients, so only the quality check is required. */
    SHADOW,
    /** Canary step: error rate, p99 and p99 difference are required; quality if comparisons exist. */
    CANARY,
    /** Green at 100%: nothing to advance, the judge only watches for breaches. */
    PROMOTED
}
