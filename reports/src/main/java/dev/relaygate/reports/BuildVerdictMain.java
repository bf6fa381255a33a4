package dev.relaygate.reports;

import dev.relaygate.reports.claims.ClaimsFileException;
import dev.relaygate.reports.claims.Scorecard;
import java.io.IOException;
import picocli.CommandLine;

/**
 * The entry point {@code mvn verify} runs in-process (exec-maven-plugin's {@code java} goal):
 * the same options as {@link ReportMain}, but a failed verdict is thrown rather than passed to
 * {@code System.exit}, which would end Maven itself. Maven then fails the build with this
 * message, naming each failed gate and benchmark check, after the report has been written. A claims file
 * that cannot be judged fails the build the same way, naming each claim and field at fault; the claims'
 * verdicts themselves never do.
 */
public final class BuildVerdictMain {

    private BuildVerdictMain() {}

    public static void main(String[] args) throws IOException {
        ReportMain command = new ReportMain();
        new CommandLine(command).parseArgs(args);
        ReportOutcome outcome = command.generate();
        System.out.print(outcome.consoleText());
        System.out.flush();
        if (!outcome.verdict().passed()) {
            throw new GateFailureException(outcome);
        }
        if (outcome.scorecard() instanceof Scorecard.Invalid invalid) {
            throw new ClaimsFileException(invalid.file(), invalid.errors());
        }
    }
}
