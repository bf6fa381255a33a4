package dev.relaygate.reports.claims;

/** What the evidence says of a claim. */
public enum ClaimVerdict {
    HOLDS("holds"),
    REFUTED("refuted"),
    NOT_TESTED("not tested"),
    UNTESTABLE_ON_LOOPBACK("untestable on loopback");

    private final String label;

    ClaimVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The css class and anchor part: holds, refuted, not-tested, untestable. */
    public String css() {
        return switch (this) {
            case HOLDS -> "holds";
            case REFUTED -> "refuted";
            case NOT_TESTED -> "not-tested";
            case UNTESTABLE_ON_LOOPBACK -> "untestable";
        };
    }
}
