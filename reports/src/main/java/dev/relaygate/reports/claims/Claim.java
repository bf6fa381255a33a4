package dev.relaygate.reports.claims;

import java.nio.file.Path;
import java.util.List;

/**
 * One vendor claim as a claims file states it: its words as quoted, where they come from, how the file reads
 * them when the words allow several readings, the evidence that decides it, and what the claim says that
 * evidence must show.
 *
 * @param reading    how the quote is read for this row (null when it needs no reading)
 * @param expect     what the claim promises; null only for a claim untestable on loopback with no bound
 * @param arithmetic the relay's added latency, for a latency claim a relay could not meet whatever it did
 */
public record Claim(
        String id,
        String quote,
        String source,
        String reading,
        Evidence evidence,
        Expectation expect,
        GateFigure arithmetic) {

    /** A measured field of a gate's result, with the unit schemas/gate-figures.json gives it. */
    public record GateFigure(String gate, String figure, FigureUnit unit) {
        public String label() {
            return gate + " " + figure;
        }
    }

    /** What decides the claim. */
    public sealed interface Evidence permits GateEvidence, RoiEvidence, ScenarioEvidence, Untestable {}

    /**
     * A gate's figure. {@code given}: boolean figures of the same gate that must be true for the figure to
     * speak to the claim (e.g. a rollback happened), else the claim is not tested.
     */
    public record GateEvidence(GateFigure figure, List<String> given) implements Evidence {
        public GateEvidence {
            given = List.copyOf(given);
        }
    }

    /** A figure of the build's own ROI result ({@code roi.json}). */
    public record RoiEvidence(String figure, FigureUnit unit) implements Evidence {}

    /** A figure of the ROI computed on a usage file of the claim's own, e.g. the vendor's worked example. */
    public record ScenarioEvidence(Path usage, String usageAsWritten, String figure, FigureUnit unit)
            implements Evidence {}

    /** Nothing on loopback can decide it, and why. */
    public record Untestable(String reason) implements Evidence {}

    /** The claimed comparison; {@code value} is 1 or 0 for a boolean claim. */
    public record Expectation(Comparator comparator, double value, FigureUnit unit, double tolerancePct) {

        /** "<= 30 s", "is true", "approx $355,000/year (within 10 %)". */
        public String text() {
            String shown = unit.format(value);
            return switch (comparator) {
                case IS -> "is " + shown;
                case APPROX -> "approx " + shown + " (within " + ClaimText.number(tolerancePct) + " %)";
                default -> comparator.symbol() + " " + shown;
            };
        }
    }
}
