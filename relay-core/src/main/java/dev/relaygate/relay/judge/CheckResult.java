package dev.relaygate.relay.judge;

/** One check's outcome over one window; each implementation carries that check's numbers. */
public sealed interface CheckResult permits ErrorRateResult, P99Result, P99DifferenceResult, QualityResult {

    /** The check's name, as reported in verdicts and events ("error_rate", "latency_p99", ...). */
    String name();

    CheckStatus status();

    /** The samples the check had (for the two-environment check, the smaller of the two). */
    long samples();

    /** The check's numbers in one line, for verdict reasons and logs. */
    String numbers();
}
