package dev.relaygate.reports.verdict;

import java.util.Arrays;
import dev.relaygate.reports.input.GateFile;
import dev.relaygate.reports.input.GateResult;
import dev.relaygate.reports.input.Input;
import dev.relaygate.reports.input.JmhBenchmark;
import dev.relaygate.reports.input.JmhGateResult;
import dev.relaygate.reports.input.RoiResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

final class VerdictJudgeTest {

    static final Input<List<JmhBenchmark>> NO_JMH = Input.missing(Path.of("jmh-result.json"));
    static final Input<JmhGateResult> NO_JMH_GATE = Input.missing(Path.of("jmh-gate.json"));
    static final Input<RoiResult> NO_ROI = Input.missing(Path.of("roi.json"));

    @Test
    void allGatesPassingPasses() {
        Verdict verdict = VerdictJudge.judge(gates(gate("a", true, List.of()), gate("b", true, List.of())),
                NO_JMH, NO_JMH_GATE, NO_ROI);
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.status()).isEqualTo("PASSED");
        assertThat(verdict.headline()).isEqualTo("all 2 checks passed");
        assertThat(verdict.notRun()).hasSize(3);
    }

    @Test
    void failedGateIsNamedWithItsFailureSentences() {
        Verdict verdict = VerdictJudge.judge(gates(gate("a", true, List.of()),
                gate("auto-rollback-errors", false, List.of("rollback after 41200 ms > 30000 ms", "repromoted"))),
                NO_JMH, NO_JMH_GATE, NO_ROI);
        assertThat(verdict.status()).isEqualTo("FAILED");
        assertThat(verdict.headline()).isEqualTo("1 of 2 checks failed");
        assertThat(verdict.failures()).extracting(Verdict.Failure::line).containsExactly(
                "gate auto-rollback-errors: rollback after 41200 ms > 30000 ms; repromoted");
    }

    @Test
    void failedGateWithoutSentencesShowsItsThresholdsAndMeasurements() {
        GateResult bare = new GateResult("g", false, "d", null, List.of(), Map.of("p99_ms", 200), Map.of(),
                Map.of("p99_ms", 250.5), Map.of(), Map.of(), List.of(), List.of(), null, null, 0);
        assertThat(VerdictJudge.gateDetail(bare)).isEqualTo("failed; thresholds p99_ms=200; measured p99_ms=250.5");
    }

    @Test
    void failedBenchmarkCheckSaysTheFigureTheLimitAndByHowMuch() {
        JmhGateResult gate = new JmhGateResult(false, List.of(
                new JmhGateResult.Check("Route.decide", "gc.alloc.rate.norm", 0, 1, "<", true, ""),
                new JmhGateResult.Check("Outcome.record", "gc.alloc.rate.norm", 24, 1, "<", false, null)));
        Verdict verdict = VerdictJudge.judge(Input.missing(Path.of("gates")), NO_JMH,
                new Input.Present<>(Path.of("jmh-gate.json"), gate), NO_ROI);
        assertThat(verdict.checks()).isEqualTo(2);
        assertThat(verdict.failures()).extracting(Verdict.Failure::line).containsExactly(
                "benchmark Outcome.record: gc.alloc.rate.norm measured 24, limit < 1 (over by 23)");
    }

    @Test
    void benchmarkGateFailingWithoutAFailedCheckStillFails() {
        Verdict verdict = VerdictJudge.judge(Input.missing(Path.of("gates")), NO_JMH,
                new Input.Present<>(Path.of("jmh-gate.json"), new JmhGateResult(false, List.of())), NO_ROI);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).singleElement().extracting(Verdict.Failure::name).isEqualTo("jmh");
    }

    @Test
    void invalidGateFileAndUnreadableInputsAreFailuresMissingOnesAreNot() {
        Input<List<GateFile>> gates = new Input.Present<>(Path.of("gates"),
                List.of(new GateFile.Invalid(Path.of("gates/x.json"), List.of("#/passed: not a boolean"))));
        Verdict verdict = VerdictJudge.judge(gates, NO_JMH, NO_JMH_GATE,
                new Input.Invalid<>(Path.of("roi.json"), "not a roi.json document"));
        assertThat(verdict.failures()).extracting(Verdict.Failure::line).containsExactly(
                "gate file x.json: invalid: #/passed: not a boolean",
                "input ROI result: roi.json is unreadable: not a roi.json document");
        assertThat(verdict.notRun()).containsExactly("JMH result (jmh-result.json)", "JMH gate (jmh-gate.json)");
    }

    @Test
    void nothingRunIsNoFailureButNoVerdictEither() {
        Verdict verdict = VerdictJudge.judge(Input.missing(Path.of("gates")), NO_JMH, NO_JMH_GATE, NO_ROI);
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.status()).isEqualTo("NO CHECKS RAN");
        assertThat(verdict.notRun()).hasSize(4);
    }

    private static Input<List<GateFile>> gates(GateResult... results) {
        return new Input.Present<>(Path.of("gates"), Arrays.stream(results)
                .map(r -> (GateFile) new GateFile.Valid(Path.of(r.gate() + ".json"), r)).toList());
    }

    private static GateResult gate(String id, boolean passed, List<String> failures) {
        return new GateResult(id, passed, "d", null, failures, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                List.of(), List.of(), null, null, 0);
    }
}
