package dev.relaygate.reports;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar reports.jar}: gathers gate, JMH and ROI results into one HTML page. Defaults
 * are the repository layout, so it runs from the repository root with no options.
 */
@Command(
        name = "relaygate-report",
        mixinStandardHelpOptions = true,
        version = "relaygate reports 0.1.0",
        description =
                "Writes one self-contained HTML report of gates, benchmarks and ROI, then prints its path and verdict.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:report written (and passed, or --fail-on-gate-failure not given)",
            "1:report written, and the verdict failed: a gate or benchmark check failed, or an expected result"
                    + " is missing, stale, aborted or unreadable (with --fail-on-gate-failure)",
            "2:bad command line",
            "3:the report could not be written",
            "4:report written, but the claims file is invalid (each error names the claim and field)"
        })
public final class ReportMain implements Callable<Integer> {

    static final int EXIT_FAILED_CHECKS = 1;
    static final int EXIT_IO = 3;
    static final int EXIT_BAD_CLAIMS = 4;
    static final Path EXAMPLE_CLAIMS = Path.of("examples", "claims.yaml");

    @Option(
            names = "--gates",
            paramLabel = "DIR",
            description =
                    "gate result JSON folder; a comparison build's results are in its relay folders, <relay>/<gate>.json"
                            + " (default: ${DEFAULT-VALUE})",
            defaultValue = "gatling-simulations/target/gates")
    Path gates;

    @Option(
            names = "--gatling",
            paramLabel = "DIR",
            description = "Gatling results folder with the run folders (default: the gates folder's sibling 'gatling')")
    Path gatling;

    @Option(
            names = "--jmh",
            paramLabel = "FILE",
            description = "JMH JSON result (default: ${DEFAULT-VALUE})",
            defaultValue = "jmh/target/jmh-result.json")
    Path jmh;

    @Option(
            names = "--jmh-gate",
            paramLabel = "FILE",
            description = "JMH gate verdict (default: jmh-gate.json beside the JMH result)")
    Path jmhGate;

    @Option(
            names = "--roi",
            paramLabel = "FILE",
            description = "ROI calculator JSON (default: ${DEFAULT-VALUE})",
            defaultValue = "roi-calculator/target/roi/roi.json")
    Path roi;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "output folder for index.html (default: ${DEFAULT-VALUE})",
            defaultValue = "reports/target/relaygate-report")
    Path out;

    @Option(
            names = "--run-id",
            paramLabel = "ID",
            description = "the build's run id every result must carry (default: the gates manifest's)")
    String runId;

    @Option(
            names = "--claims",
            paramLabel = "FILE",
            description = "claims file judged on this build's evidence, shown first in the report"
                    + " (default: ${DEFAULT-VALUE}, left out when absent)",
            defaultValue = "examples/claims.yaml")
    Path claims;

    @Option(names = "--fail-on-gate-failure", description = "exit 1 after writing the report when the verdict failed")
    boolean failOnGateFailure;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new ReportMain());
    }

    @Override
    public Integer call() {
        PrintWriter stdout = new PrintWriter(System.out, true);
        try {
            ReportOutcome outcome = generate();
            stdout.print(outcome.consoleText());
            stdout.flush();
            if (failOnGateFailure && !outcome.verdict().passed()) {
                return EXIT_FAILED_CHECKS;
            }
            return outcome.claimsInvalid() ? EXIT_BAD_CLAIMS : 0;
        } catch (IOException e) {
            System.err.println("relaygate report could not be written to " + out + ": " + e.getMessage());
            return EXIT_IO;
        }
    }

    /** Reads, judges and writes; no printing and no exit code. */
    ReportOutcome generate() throws IOException {
        return new ReportGenerator().generate(inputs(), Instant.now());
    }

    ReportInputs inputs() {
        Path gatlingDir = gatling != null ? gatling : absolute(gates).resolveSibling("gatling");
        Path gateFile = jmhGate != null ? jmhGate : absolute(jmh).resolveSibling("jmh-gate.json");
        return new ReportInputs(
                        absolute(gates),
                        absolute(gatlingDir),
                        absolute(jmh),
                        absolute(gateFile),
                        absolute(roi),
                        absolute(out),
                        runId == null || runId.isBlank() ? null : runId.trim())
                .withClaims(absolute(claims), claimsOption(claims));
    }

    /** What a re-run adds to judge the same claims file: nothing for the example file. */
    static String claimsOption(Path claims) {
        return absolute(claims).endsWith(EXAMPLE_CLAIMS) ? "" : " -Dclaims=" + claims;
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
