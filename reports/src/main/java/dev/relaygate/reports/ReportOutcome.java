package dev.relaygate.reports;

import dev.relaygate.reports.claims.ClaimOutcome;
import dev.relaygate.reports.claims.Scorecard;
import dev.relaygate.reports.verdict.Verdict;
import java.nio.file.Path;

/** The written page, the verdict it shows and the claims scorecard (which never changes the verdict). */
public record ReportOutcome(Path indexHtml, Verdict verdict, Scorecard scorecard) {

    public ReportOutcome(Path indexHtml, Verdict verdict) {
        this(indexHtml, verdict, new Scorecard.NoFile(null));
    }

    /** True when the user's claims file could not be judged: the build fails on it after the report. */
    public boolean claimsInvalid() {
        return scorecard instanceof Scorecard.Invalid;
    }

    /**
     * What the console shows: the page's absolute path, the verdict, each failure, what did not run, then the
     * claims tally and each claim's verdict in one line.
     */
    public String consoleText() {
        StringBuilder text = new StringBuilder();
        text.append("relaygate report: ")
                .append(indexHtml.toAbsolutePath().normalize())
                .append('\n');
        text.append("relaygate verdict: ")
                .append(verdict.status())
                .append(" (")
                .append(verdict.headline())
                .append(")\n");
        for (Verdict.Failure failure : verdict.failures()) {
            text.append("  FAILED ").append(failure.line()).append('\n');
        }
        if (scorecard.tally() != null) {
            text.append("relaygate ")
                    .append(scorecard.tally())
                    .append(" (")
                    .append(scorecard.file())
                    .append(")\n");
        }
        if (scorecard instanceof Scorecard.Invalid invalid) {
            for (String error : invalid.errors()) {
                text.append("  CLAIMS FILE ").append(error).append('\n');
            }
        }
        if (scorecard instanceof Scorecard.Judged judged) {
            for (ClaimOutcome o : judged.outcomes()) {
                text.append("  ")
                        .append(o.verdict().label().toUpperCase(java.util.Locale.ROOT))
                        .append(' ')
                        .append(o.claim().id())
                        .append(": ")
                        .append(o.reason())
                        .append(
                                o.arithmetic() == null || o.arithmetic().equals(o.reason())
                                        ? ""
                                        : ". " + o.arithmetic())
                        .append('\n');
            }
        }

        return text.toString();
    }
}
