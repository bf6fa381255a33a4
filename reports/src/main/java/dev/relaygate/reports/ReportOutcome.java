package dev.relaygate.reports;

import dev.relaygate.reports.verdict.Verdict;
import java.nio.file.Path;

/** The written page and the verdict it shows. */
public record ReportOutcome(Path indexHtml, Verdict verdict) {

    /** What the console shows: the page's absolute path, the verdict, each failure, what did not run. */
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

        return text.toString();
    }
}
