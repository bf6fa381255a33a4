package dev.relaygate.reports;

import java.io.PrintWriter;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class ReportMainTest {

    @Test
    void failingRunWritesTheReportThenExitsOneNamingEachFailure(@TempDir Path root) {
        Fixtures.copyFull(root);
        Run run = run(args(root, "--fail-on-gate-failure"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(root.resolve("out/index.html")).isRegularFile();
        assertThat(run.stdout().lines().toList()).containsSubsequence(
                "relaygate report: " + root.resolve("out/index.html").toAbsolutePath().normalize(),
                "relaygate verdict: FAILED (2 of 9 checks failed)");
        assertThat(run.stdout()).contains("FAILED gate auto-rollback-latency: rollback_after_ms: no rollback")
                .contains("FAILED gate file shadow-no-impact.json: invalid:");
    }

    @Test
    void withoutTheFailFlagAFailingRunStillExitsZero(@TempDir Path root) {
        Fixtures.copyFull(root);
        assertThat(run(args(root)).exitCode()).isZero();
    }

    @Test
    void failedBenchmarkCheckIsNamedWithFigureAndLimit(@TempDir Path root) throws IOException {
        Fixtures.copyFull(root);
        Files.delete(root.resolve("gates/auto-rollback-latency.json"));
        Files.delete(root.resolve("gates/shadow-no-impact.json"));
        Files.copy(Fixtures.resource("jmh-gate-failing.json"), root.resolve("jmh/jmh-gate.json"),
                StandardCopyOption.REPLACE_EXISTING);

        Run run = run(args(root, "--fail-on-gate-failure"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("FAILED benchmark OutcomeRecordingBenchmark.record: "
                + "gc.alloc.rate.norm measured 24, limit < 1 (over by 23): outcome recording allocates 24 B/op");
    }

    @Test
    void passingRunExitsZeroWithTheFailFlag(@TempDir Path root) throws IOException {
        Fixtures.copyFull(root);
        Files.delete(root.resolve("gates/auto-rollback-latency.json"));
        Files.delete(root.resolve("gates/shadow-no-impact.json"));

        Run run = run(args(root, "--fail-on-gate-failure"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("relaygate verdict: PASSED (all 7 checks passed)");
    }

    @Test
    void jmhGateDefaultsToTheFileBesideTheJmhResult(@TempDir Path root) {
        ReportMain main = new ReportMain();
        new CommandLine(main).parseArgs("--jmh", root.resolve("jmh/jmh-result.json").toString(),
                "--gates", root.resolve("g/gates").toString());
        ReportInputs inputs = main.inputs();
        assertThat(inputs.jmhGate()).isEqualTo(root.resolve("jmh/jmh-gate.json"));
        assertThat(inputs.gatlingDir()).isEqualTo(root.resolve("g/gatling"));
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run(List.of("--gatez", "x")).exitCode()).isEqualTo(2);
    }

    @Test
    void buildEntryPointThrowsAfterWritingTheReportNamingEachFailure(@TempDir Path root) {
        Fixtures.copyFull(root);
        String[] args = args(root).toArray(String[]::new);
        PrintStream original = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThatThrownBy(() -> BuildVerdictMain.main(args))
                    .isInstanceOf(GateFailureException.class)
                    .hasMessageStartingWith("relaygate verdict FAILED, 2 of 9 checks failed: ")
                    .hasMessageContaining("gate auto-rollback-latency: ")
                    .hasMessageContaining("gate file shadow-no-impact.json: ")
                    .hasMessageContaining("index.html");
        } finally {
            System.setOut(original);
        }
        assertThat(root.resolve("out/index.html")).isRegularFile();
    }

    private static List<String> args(Path root, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--gates", root.resolve("gates").toString(),
                "--gatling", root.resolve("gatling").toString(),
                "--jmh", root.resolve("jmh/jmh-result.json").toString(),
                "--roi", root.resolve("roi/roi.json").toString(),
                "--out", root.resolve("out").toString()));
        args.addAll(List.of(extra));
        return args;
    }

    private static Run run(List<String> args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cli = ReportMain.commandLine();
            cli.setErr(new PrintWriter(new ByteArrayOutputStream(), true));
            int code = cli.execute(args.toArray(String[]::new));
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private record Run(int exitCode, String stdout) {
    }
}
