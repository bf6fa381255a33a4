package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class GateRunVerdictTest {

    private static final RelayInfo RELAY = new RelayInfo("relaygate", "in-process", "relaygate (test), in-process");

    private static final RelayInfo EXTERNAL =
            new RelayInfo("external", "external", "OpenAI-compatible relay at http://127.0.0.1:9, external");

    private static final String RUN = "20261204T070000.000Z";

    @TempDir
    Path dir;

    @Test
    void aSubsetThatPassedSaysHowManyGatesRanAndHowManyWereNotRequested() {
        start("steady-state,relay-overhead");
        write(passed("steady-state", RUN));
        write(passed("relay-overhead", RUN));

        GateRunVerdict.Outcome outcome = GateRunVerdict.judge(dir, RUN);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.headline())
                .isEqualTo("PASSED: 2 of " + GateCatalog.ALL.size() + " gates run (" + (GateCatalog.ALL.size() - 2)
                        + " not requested)");
    }

    @Test
    void aRequestedGateWithoutAResultFailsTheRun() {
        start("steady-state,relay-overhead");
        write(passed("steady-state", RUN));

        GateRunVerdict.Outcome outcome = GateRunVerdict.judge(dir, RUN);

        assertThat(outcome.failures())
                .containsExactly("gate relay-overhead: expected in run " + RUN + ", but no result was written");
    }

    @Test
    void aResultFromAnEarlierRunIsStaleAndFails() {
        start("steady-state");
        write(passed("steady-state", "20261201T000000.000Z"));

        assertThat(GateRunVerdict.judge(dir, RUN).failures())
                .containsExactly("gate steady-state: from run " + "20261201T000000.000Z, not from this run " + RUN
                        + " (a stale result)");
    }

    @Test
    void theStartStepRemovesEveryEarlierResultSoNoneCanBeJudgedAsThisRuns() throws Exception {
        Files.createDirectories(dir);
        write(passed("steady-state", "20261201T000000.000Z"));

        start("steady-state");

        assertThat(dir.resolve("steady-state.json")).doesNotExist();
        assertThat(GateRunVerdict.judge(dir, RUN).failures())
                .containsExactly("gate steady-state: expected in run " + RUN + ", but no result was written");
    }

    @Test
    void aResultThatSaysPassedWhileListingFailuresIsSelfContradictory() throws Exception {
        start("steady-state");
        Files.writeString(
                dir.resolve("steady-state.json"),
                "{\"gate\":\"steady-state\",\"run_id\":\"" + RUN
                        + "\",\"passed\":true,\"failures\":[\"p99_ms was 250, not below the limit p99_below_ms = 200\"]}");

        assertThat(GateRunVerdict.judge(dir, RUN).failures())
                .containsExactly("gate steady-state: self-contradictory result: passed is true with 1 failure");
    }

    @Test
    void anAbortedGateFailsNamingItsCause() {
        start("steady-state");
        GateRun run = new GateRun("steady-state", "d", GateRunVerdictTest.class, props("steady-state"), RELAY);
        run.aborted(new IllegalStateException("relay did not start"));

        assertThat(GateRunVerdict.judge(dir, RUN).failures())
                .singleElement()
                .asString()
                .startsWith("gate steady-state: aborted: ran was false")
                .endsWith("IllegalStateException: relay did not start");
    }

    @Test
    void aResultForAGateTheRunDidNotRequestFails() {
        start("steady-state");
        write(passed("steady-state", RUN));
        write(passed("relay-overhead", RUN));

        assertThat(GateRunVerdict.judge(dir, RUN).failures())
                .containsExactly(
                        "gate relay-overhead: a result is present, but run " + RUN + " did not request this gate");
    }

    @Test
    void withoutAManifestNothingSaysWhatWasExpectedSoTheRunFails() {
        GateRunVerdict.Outcome outcome = GateRunVerdict.judge(dir, RUN);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.failures()).singleElement().asString().startsWith("gates manifest ");
    }

    @Test
    void aLoosenedThresholdIsNamedInThePassingHeadline() {
        start("steady-state");
        GateEvaluation eval = new GateEvaluation().below("p99_ms", 300.0, "p99_below_ms", 500);
        write(new GateResult(
                "steady-state",
                RUN,
                true,
                false,
                "d",
                null,
                List.of(),
                eval.thresholds(),
                Map.of("p99_below_ms", new ThresholdOverride(200, 500, true)),
                Map.of(),
                eval.measuredFigures(),
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                new RunInfo(null, "17", 2, 42, Map.of()),
                Instant.EPOCH,
                1,
                RELAY,
                null));

        assertThat(GateRunVerdict.judge(dir, RUN).headline())
                .isEqualTo("PASSED: 1 of " + GateCatalog.ALL.size() + " gates run (" + (GateCatalog.ALL.size() - 1)
                        + " not requested), passed with 1 loosened threshold:"
                        + " steady-state.p99_below_ms = 500 (default 200)");
    }

    @Test
    void aGatesOnlyBuildFailsOnAFailedGateButDefersToTheReportsModuleWhenItIsInTheBuild() {
        start("steady-state");
        GateEvaluation eval = new GateEvaluation().below("p99_ms", 250.0, "p99_below_ms", 200);
        write(new GateResult(
                "steady-state",
                RUN,
                false,
                false,
                "d",
                null,
                eval.failures(),
                eval.thresholds(),
                Map.of(),
                Map.of(),
                eval.measuredFigures(),
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                new RunInfo(null, "17", 2, 42, Map.of()),
                Instant.EPOCH,
                1,
                RELAY,
                null));
        String[] alone = {"dir=" + dir, "run_id=" + RUN, "reactor=[MavenProject: dev.relaygate:gatling-simulations:0.1]"
        };
        String[] withReports = {
            "dir=" + dir,
            "run_id=" + RUN,
            "reactor=[MavenProject: dev.relaygate:gatling-simulations:0.1, MavenProject: dev.relaygate:reports:0.1]"
        };

        assertThatThrownBy(() -> GateRunVerdict.main(alone))
                .hasMessageContaining("gate steady-state: p99_ms was 250, not below the limit p99_below_ms = 200");
        assertThatCode(() -> GateRunVerdict.main(withReports)).doesNotThrowAnyException();
    }

    @Test
    void aGateItsRelayCannotRunIsNoPassAndABuildOfOnlySuchGatesNeverSaysPassed() {
        start("canary-progression");
        new GateRun("canary-progression", "d", GateRunVerdictTest.class, props("canary-progression"), EXTERNAL)
                .notSupported("not supported by external: needs relaygate's admin API");

        GateRunVerdict.Outcome outcome = GateRunVerdict.judge(dir, RUN);

        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.headline()).isEqualTo("NOT PASSED: no gate ran (1 not supported by external)");
    }

    @Test
    void aRunWithSomeGatesNotSupportedCountsOnlyThoseThatRan() {
        start("steady-state,canary-progression");
        write(passed("steady-state", RUN));
        new GateRun("canary-progression", "d", GateRunVerdictTest.class, props("canary-progression"), EXTERNAL)
                .notSupported("not supported by external: needs relaygate's admin API");

        GateRunVerdict.Outcome outcome = GateRunVerdict.judge(dir, RUN);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.headline())
                .isEqualTo("PASSED: 1 of " + GateCatalog.ALL.size() + " gates run (1 not supported by external, "
                        + (GateCatalog.ALL.size() - 2) + " not requested)");
    }

    @Test
    void inAComparisonAPeersFailedGateIsItsFindingButRelaygatesFailsTheBuildAndAMissingOneFailsToo() {
        GateRunStart.start(dir, RUN, "", "full", "", "42", "relaygate,portkey", Instant.EPOCH);
        for (String gate : GateCatalog.COMPARISON) {
            writeIn("relaygate", passed(gate, RUN));
            if (!gate.equals("errors-under-fault")) {
                writeIn("portkey", gate.equals("streaming-integrity") ? failed(gate, RUN) : passed(gate, RUN));
            }
        }

        GateRunVerdict.Outcome outcome = GateRunVerdict.judge(dir, RUN);

        assertThat(outcome.failures())
                .containsExactly(
                        "gate portkey/errors-under-fault: expected in run " + RUN + ", but no result was written");

        writeIn("portkey", passed("errors-under-fault", RUN));
        GateRunVerdict.Outcome complete = GateRunVerdict.judge(dir, RUN);
        assertThat(complete.passed()).isTrue();
        assertThat(complete.headline())
                .isEqualTo("PASSED: 5 of 5 comparison gates on relaygate (" + GateCatalog.ALL.size()
                        + " default gates not requested); portkey: 4 held, 1 failed, 0 not supported");

        writeIn("relaygate", failed("split-accuracy", RUN));
        assertThat(GateRunVerdict.judge(dir, RUN).failures())
                .containsExactly("gate relaygate/split-accuracy: split_p_value was 1.0E-9, below the minimum");
    }

    private void writeIn(String relay, GateResult result) {
        new GateResultWriter(dir.resolve(relay)).write(result);
    }

    private static GateResult failed(String gate, String runId) {
        GateResult ok = passed(gate, runId);
        return new GateResult(
                gate,
                runId,
                false,
                false,
                "d",
                null,
                List.of("split_p_value was 1.0E-9, below the minimum"),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                ok.run(),
                Instant.EPOCH,
                1,
                RELAY,
                null);
    }

    private void start(String selection) {
        GateRunStart.start(dir, RUN, selection, "full", "", "42", Instant.EPOCH);
    }

    private GateProperties props(String gate) {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("gates.dir", dir.toString());
        p.setProperty("gates.run_id", RUN);
        return new GateProperties(gate, p);
    }

    private void write(GateResult result) {
        new GateResultWriter(dir).write(result);
    }

    private static GateResult passed(String gate, String runId) {
        return new GateResult(
                gate,
                runId,
                true,
                false,
                "d",
                null,
                List.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                new RunInfo(null, "17", 2, 42, Map.of()),
                Instant.EPOCH,
                1,
                RELAY,
                null);
    }
}
