package dev.relaygate.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

final class ReportMainTest {

    @Test
    void failingRunWritesTheReportThenExitsOneNamingEachFailure(@TempDir Path root) {
        Fixtures.copyFull(root);
        Run run = run(args(root, "--fail-on-gate-failure"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(root.resolve("out/index.html")).isRegularFile();
        assertThat(run.stdout().lines().toList())
                .containsSubsequence(
                        "relaygate report: "
                                + root.resolve("out/index.html")
                                        .toAbsolutePath()
                                        .normalize(),
                        "relaygate verdict: FAILED (2 failures in 9 checks)");
        assertThat(run.stdout())
                .contains("FAILED gate auto-rollback-latency: rollback_after_ms: no rollback")
                .contains("FAILED gate shadow-no-impact: invalid result shadow-no-impact.json:");
    }

    @Test
    void withoutTheFailFlagAFailingRunStillExitsZero(@TempDir Path root) {
        Fixtures.copyFull(root);
        assertThat(run(args(root)).exitCode()).isZero();
    }

    @Test
    void failedBenchmarkCheckIsNamedWithFigureAndLimit(@TempDir Path root) throws IOException {
        Fixtures.copyPassing(root);
        Files.copy(
                Fixtures.resource("jmh-gate-failing.json"),
                root.resolve("jmh/jmh-gate.json"),
                StandardCopyOption.REPLACE_EXISTING);

        Run run = run(args(root, "--fail-on-gate-failure"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout())
                .contains(
                        "FAILED benchmark OutcomeRecordingBenchmark.record: "
                                + "gc.alloc.rate.norm measured 24, limit < 1 (over by 23): outcome recording allocates 24 B/op");
    }

    @Test
    void passingRunExitsZeroWithTheFailFlag(@TempDir Path root) {
        Fixtures.copyPassing(root);

        Run run = run(args(root, "--fail-on-gate-failure"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout())
                .contains("relaygate verdict: PASSED (4 of 10 gates run (6 not requested), 3 benchmark checks)");
    }

    // A skeptical user edits a copy of a passing build's results: each edit must end in exit 1 naming why.

    @Test
    void oneGateResultRemovedFailsNamingTheGate(@TempDir Path root) throws IOException {
        Fixtures.copyPassing(root);
        Files.delete(root.resolve("gates/steady-state.json"));

        Run run = run(args(root, "--fail-on-gate-failure"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout())
                .contains(
                        "FAILED gate steady-state: expected in run " + Fixtures.RUN_ID + ", but no result was written");
    }

    @Test
    void everyGateResultRemovedFailsNamingEachGate(@TempDir Path root) throws IOException {
        Fixtures.copyPassing(root);
        for (String gate : List.of("steady-state", "auto-rollback-errors", "streaming-shift", "relay-overhead")) {
            Files.delete(root.resolve("gates/" + gate + ".json"));
        }

        Run run = run(args(root, "--fail-on-gate-failure"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout().lines().filter(l -> l.contains("but no result was written")))
                .hasSize(4);
    }

    @Test
    void theWholeGatesFolderRemovedFailsForTheMissingManifest(@TempDir Path root) throws IOException {
        Fixtures.copyPassing(root);
        try (var files = Files.list(root.resolve("gates"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }

        Run run = run(args(root, "--fail-on-gate-failure"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout())
                .contains("FAILED input gates manifest: ")
                .contains("so nothing says which gates this run expected");
    }

    @Test
    void aResultClaimingToPassWhileListingFailuresFailsAsSelfContradictory(@TempDir Path root) throws IOException {
        Fixtures.copyPassing(root);
        Path gate = root.resolve("gates/steady-state.json");
        Files.writeString(
                gate,
                Files.readString(gate)
                        .replace(
                                "\"failures\": []",
                                "\"failures\": [\"p99_ms was 231.5, not below the limit p99_below_ms = 200\"]"));

        Run run = run(args(root, "--fail-on-gate-failure"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout())
                .contains("FAILED gate steady-state: invalid result steady-state.json: "
                        + "self-contradictory result: passed is true with 1 failure");
    }

    @Test
    void aStaleResultFromAnEarlierRunFailsNamingBothRuns(@TempDir Path root) throws IOException {
        Fixtures.copyPassing(root);
        Path gate = root.resolve("gates/relay-overhead.json");
        Files.writeString(gate, Files.readString(gate).replace(Fixtures.RUN_ID, "20261101T000000.000Z"));

        Run run = run(args(root, "--fail-on-gate-failure"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout())
                .contains("FAILED gate relay-overhead: from run 20261101T000000.000Z, not from this run "
                        + Fixtures.RUN_ID + " (a stale result)");
    }

    @Test
    void aBuildRunIdOtherThanTheResultsFailsEveryStaleInput(@TempDir Path root) {
        Fixtures.copyPassing(root);

        Run run = run(args(root, "--fail-on-gate-failure", "--run-id", "20261204T000000.000Z"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout())
                .contains("FAILED input gates manifest: from run " + Fixtures.RUN_ID)
                .contains("FAILED input JMH gate: from run " + Fixtures.RUN_ID)
                .contains("FAILED input ROI result: from run " + Fixtures.RUN_ID);
    }

    @Test
    void aMissingJmhResultFailsAsASkippedCheck(@TempDir Path root) throws IOException {
        Fixtures.copyPassing(root);
        Files.delete(root.resolve("jmh/jmh-result.json"));
        Files.delete(root.resolve("jmh/jmh-gate.json"));

        Run run = run(args(root, "--fail-on-gate-failure"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout())
                .contains("FAILED input JMH result: expected in run " + Fixtures.RUN_ID)
                .contains("-Djmh.skip=true");
    }

    @Test
    void aLoosenedThresholdIsNamedInThePassingVerdict(@TempDir Path root) throws IOException {
        Fixtures.copyPassing(root);
        Path gate = root.resolve("gates/steady-state.json");
        Files.writeString(
                gate,
                Files.readString(gate)
                        .replace(
                                "\"thresholds\": {",
                                "\"threshold_overrides\": "
                                        + "{\"p99_below_ms\": {\"default\": 200, \"value\": 500, \"loosened\": true}},\n  \"thresholds\": {"));

        Run run = run(args(root, "--fail-on-gate-failure"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout())
                .contains("passed with 1 loosened threshold: steady-state.p99_below_ms = 500 (default 200)");
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(Files.readString(root.resolve("out/index.html")));
        assertThat(page.select("#gate-steady-state dl.kv div").eachText())
                .contains("p99_below_ms 500 (default 200, loosened)");
        assertThat(page.selectFirst("section#verdict .verdict-note.loosened").text())
                .contains("steady-state.p99_below_ms = 500 (default 200)");
    }

    @Test
    void jmhGateDefaultsToTheFileBesideTheJmhResult(@TempDir Path root) {
        ReportMain main = new ReportMain();
        new CommandLine(main)
                .parseArgs(
                        "--jmh",
                        root.resolve("jmh/jmh-result.json").toString(),
                        "--gates",
                        root.resolve("g/gates").toString());
        ReportInputs inputs = main.inputs();
        assertThat(inputs.jmhGate()).isEqualTo(root.resolve("jmh/jmh-gate.json"));
        assertThat(inputs.gatlingDir()).isEqualTo(root.resolve("g/gatling"));
    }

    @Test
    void refutedClaimsNeverFailAPassingBuild(@TempDir Path root) {
        Fixtures.copyPassing(root);

        Run run = run(args(
                root,
                "--fail-on-gate-failure",
                "--claims",
                Fixtures.resource("claims/claims.yaml").toString()));

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("relaygate verdict: PASSED").contains(" refuted, ");
    }

    @Test
    void aBadClaimsFileExitsFourAfterWritingTheReportNamingTheClaimAndField(@TempDir Path root) throws IOException {
        Fixtures.copyPassing(root);
        Path claims = root.resolve("claims.yaml");
        Files.writeString(
                claims,
                "version: 1\nclaims:\n  - {id: x, quote: q, source: s,"
                        + " evidence: {gate: relay-overhead, figure: p99_added_ms}, expect: {comparator: '<', value: 50}}\n");

        Run run = run(args(root, "--fail-on-gate-failure", "--claims", claims.toString()));

        assertThat(run.exitCode()).isEqualTo(ReportMain.EXIT_BAD_CLAIMS);
        assertThat(run.stdout()).contains("  CLAIMS FILE claims[0] (id 'x').expect.unit is missing");
        assertThat(root.resolve("out/index.html")).isRegularFile();
    }

    @Test
    void theBuildEntryPointFailsOnABadClaimsFileEvenWhenEveryGatePassed(@TempDir Path root) throws IOException {
        Fixtures.copyPassing(root);
        Path claims = root.resolve("claims.yaml");
        Files.writeString(claims, "version: 1\nclaims: []\n");
        String[] args = args(root, "--claims", claims.toString()).toArray(String[]::new);
        PrintStream original = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThatThrownBy(() -> BuildVerdictMain.main(args))
                    .isInstanceOf(dev.relaygate.reports.claims.ClaimsFileException.class)
                    .hasMessageContaining("claims must be a non-empty list");
        } finally {
            System.setOut(original);
        }
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
                    .hasMessageStartingWith("relaygate verdict FAILED, 2 failures in 9 checks: ")
                    .hasMessageContaining("gate auto-rollback-latency: ")
                    .hasMessageContaining("gate shadow-no-impact: invalid result shadow-no-impact.json: ")
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

    private record Run(int exitCode, String stdout) {}
}
