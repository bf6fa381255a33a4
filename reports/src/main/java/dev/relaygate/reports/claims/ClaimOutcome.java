package dev.relaygate.reports.claims;

/**
 * One claim judged. {@code measured} is the figure in the claim's unit (null when none was measured),
 * {@code reason} one line on why, {@code command} what runs the missing evidence (null unless not tested),
 * {@code arithmetic} the added-latency arithmetic (null when the claim has none).
 *
 * @param evidence where the evidence is: a gate result key, "roi", a scenario, or null for none
 */
public record ClaimOutcome(
        Claim claim,
        ClaimVerdict verdict,
        String measured,
        String claimed,
        String reason,
        String command,
        EvidenceRef evidence,
        String arithmetic) {

    /** Where a row's evidence is shown on the page. */
    public sealed interface EvidenceRef permits GateRef, RoiRef, ScenarioRef {}

    /** A gate result, by its key ({@code relay-overhead} or {@code relaygate/relay-overhead}). */
    public record GateRef(String key) implements EvidenceRef {}

    /** The build's ROI result. */
    public record RoiRef() implements EvidenceRef {}

    /** A claim's own ROI scenario, shown in the scorecard. */
    public record ScenarioRef(String claimId) implements EvidenceRef {}
}
