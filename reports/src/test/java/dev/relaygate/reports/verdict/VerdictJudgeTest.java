package dev.relaygate.reports.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.reports.input.GateFile;
import dev.relaygate.reports.input.GateManifest;
import dev.relaygate.reports.input.GateResult;
import dev.relaygate.reports.input.Input;
import dev.relaygate.reports.input.JmhBenchmark;
import dev.relaygate.reports.input.JmhGateResult;
import dev.relaygate.reports.input.RoiResult;
import dev.relaygate.reports.input.ThresholdOverride;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class VerdictJudgeTest {

    static final String RUN = "20261204T070000.000Z";
    static final String SHA = "ab12";
    static final Input<List<JmhBenchmark>> JMH = new Input.Present<>(Path.of("jmh-result.json"), List.of());
    static final JmhGateResult.Check ROUTE_ALLOCATION =
            new JmhGateResult.Check("Route.decide", "gc.alloc.rate.norm", 0, 1, "<", true, "");
    static final Input<JmhGateResult> JMH_GATE =
            new Input.Present<>(Path.of("jmh-gate.json"), new JmhGateResult(true, List.of(ROUTE_ALLOCATION), RUN, SHA));
    static final Input<RoiResult> ROI = new Input.Present<>(Path.of("roi.json"), roi(RUN));
    static final GateResult.Relay RELAYGATE = new GateResult.Relay("relaygate", "in-process", "relaygate in this JVM");
    static final List<String> DEFAULT_GATES = List.of(
            "steady-state",
            "canary-progression",
            "auto-rollback-errors",
            "auto-rollback-latency",
            "healthy-no-rollback",
            "streaming-shift",
            "shadow-no-impact",
            "key-rotation",
            "manual-rollback",
            "relay-overhead",
            "fleet-propagation",
            "fleet-rollback",
            "fleet-leader-failover");
    static final List<String> COMPARISON_GATES =
            List.of("steady-state", "relay-overhead", "split-accuracy", "streaming-integrity", "errors-under-fault");

    @Test
    void everyRequestedGateAndEveryInputOfThisRunPassingPasses() {
        Verdict verdict = judge(manifest("a", "b"), gates(gate("a", RUN, true), gate("b", RUN, true)));

        assertThat(verdict.failures()).isEmpty();
        assertThat(verdict.status()).isEqualTo("PASSED");
        assertThat(verdict.headline()).isEqualTo("2 of 2 gates run, 1 benchmark checks");
    }

    @Test
    void aSubsetThatPassedSaysHowManyGatesRanOfHowMany() {
        Input<GateManifest> subset = new Input.Present<>(
                Path.of("_manifest.json"),
                new GateManifest(RUN, List.of("a", "b"), List.of("c", "d", "e", "f", "g", "h", "i", "j"), "", ""));

        Verdict verdict = judge(subset, gates(gate("a", RUN, true), gate("b", RUN, true)));

        assertThat(verdict.headline()).startsWith("2 of 10 gates run (8 not requested)");
    }

    @Test
    void aRequestedGateWithoutAResultFailsEvenThoughEveryPresentOnePassed() {
        Verdict verdict = judge(manifest("a", "b"), gates(gate("a", RUN, true)));

        assertThat(lines(verdict)).containsExactly("gate b: expected in run " + RUN + ", but no result was written");
    }

    @Test
    void withoutAnyGateResultTheBuildFailsNamingEachExpectedGate() {
        Verdict verdict = judge(manifest("a", "b"), Input.missing(Path.of("gates")));

        assertThat(verdict.status()).isEqualTo("FAILED");
        assertThat(lines(verdict)).hasSize(2);
    }

    @Test
    void withoutAManifestNothingSaysWhatWasExpectedSoItFails() {
        Verdict verdict = judge(Input.missing(Path.of("gates/_manifest.json")), gates(gate("a", RUN, true)));

        assertThat(lines(verdict))
                .containsExactly("input gates manifest: gates/_manifest.json is missing, so nothing"
                        + " says which gates this run expected");
    }

    @Test
    void aResultFromAnotherRunIsStale() {
        Verdict verdict = judge(manifest("a"), gates(gate("a", "20261201T000000.000Z", true)));

        assertThat(lines(verdict))
                .containsExactly(
                        "gate a: from run 20261201T000000.000Z, not from this run " + RUN + " (a stale result)");
    }

    @Test
    void aResultSayingPassedWhileListingFailuresIsSelfContradictory() {
        GateResult lying = gate("a", RUN, true, List.of("p99_ms was 250"), false, Map.of());

        Verdict verdict = judge(manifest("a"), gates(lying));

        assertThat(lines(verdict)).containsExactly("gate a: self-contradictory result: passed is true with 1 failure");
    }

    @Test
    void anAbortedGateFailsNamingItsCause() {
        GateResult aborted =
                gate("a", RUN, false, List.of("ran was false: a.rate_per_sec must be a number"), true, Map.of());

        assertThat(lines(judge(manifest("a"), gates(aborted))))
                .containsExactly("gate a: aborted: ran was false: a.rate_per_sec must be a number");
    }

    @Test
    void aFailedGateIsNamedWithItsFailureSentences() {
        GateResult failed =
                gate("a", RUN, false, List.of("rollback_after_ms was 41200", "repromoted"), false, Map.of());

        assertThat(lines(judge(manifest("a"), gates(failed))))
                .containsExactly("gate a: rollback_after_ms was 41200; repromoted");
    }

    @Test
    void aResultForAGateTheRunDidNotRequestFails() {
        Verdict verdict = judge(manifest("a"), gates(gate("a", RUN, true), gate("z", RUN, true)));

        assertThat(lines(verdict))
                .containsExactly("gate z: a result is present, but run " + RUN + " did not request this gate");
    }

    @Test
    void aLoosenedThresholdIsNamedInThePassingHeadlineAndATightenedOneIsNot() {
        GateResult loose = gate(
                "a",
                RUN,
                true,
                List.of(),
                false,
                Map.of(
                        "p99_below_ms", new ThresholdOverride(200, 500, true),
                        "failed_ratio_below", new ThresholdOverride(0.001, 0.0005, false)));

        Verdict verdict = judge(manifest("a"), gates(loose));

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.loosened()).containsExactly("a.p99_below_ms = 500 (default 200)");
        assertThat(verdict.headline()).endsWith("passed with 1 loosened threshold: a.p99_below_ms = 500 (default 200)");
    }

    @Test
    void aMissingJmhResultAndGateFailTheBuild() {
        Verdict verdict = VerdictJudge.judge(oneGateWithoutJmh());

        assertThat(lines(verdict))
                .containsExactly(
                        "input JMH result: expected in run " + RUN + ", but no result was written at jmh-result.json"
                                + " (the JMH short pass did not run, e.g. -Djmh.skip=true)",
                        "input JMH gate: expected in run " + RUN + ", but no result was written at jmh-gate.json"
                                + " (the JMH gate did not run, e.g. -Djmh.skip=true)");
    }

    @Test
    void aJmhGateFromAnotherRunOrOverAnotherResultFileFails() {
        Input<JmhGateResult> stale = new Input.Present<>(
                Path.of("jmh-gate.json"),
                new JmhGateResult(true, List.of(ROUTE_ALLOCATION), "20261201T000000.000Z", "ffff"));

        Verdict verdict = VerdictJudge.judge(
                new VerdictInputs(RUN, manifest("a"), gates(gate("a", RUN, true)), JMH, SHA, stale, ROI));

        assertThat(lines(verdict))
                .containsExactly(
                        "input JMH gate: from run 20261201T000000.000Z, not from this run " + RUN + " (a stale result)",
                        "input JMH result: jmh-result.json is not the file the JMH gate judged (its SHA-256 differs from the"
                                + " gate's result_sha256)");
    }

    @Test
    void aStaleOrMissingRoiResultFails() {
        Input<RoiResult> stale = new Input.Present<>(Path.of("roi.json"), roi("20261201T000000.000Z"));

        assertThat(lines(VerdictJudge.judge(
                        new VerdictInputs(RUN, manifest("a"), gates(gate("a", RUN, true)), JMH, SHA, JMH_GATE, stale))))
                .containsExactly("input ROI result: from run 20261201T000000.000Z, not from this run " + RUN
                        + " (a stale result)");
        assertThat(lines(VerdictJudge.judge(new VerdictInputs(
                        RUN,
                        manifest("a"),
                        gates(gate("a", RUN, true)),
                        JMH,
                        SHA,
                        JMH_GATE,
                        Input.missing(Path.of("roi.json"))))))
                .singleElement()
                .asString()
                .startsWith("input ROI result: expected in run " + RUN);
    }

    @Test
    void failedBenchmarkCheckSaysTheFigureTheLimitAndByHowMuch() {
        Input<JmhGateResult> failing = new Input.Present<>(
                Path.of("jmh-gate.json"),
                new JmhGateResult(
                        false,
                        List.of(
                                ROUTE_ALLOCATION,
                                new JmhGateResult.Check(
                                        "Outcome.record", "gc.alloc.rate.norm", 24, 1, "<", false, null)),
                        RUN,
                        SHA));

        Verdict verdict = VerdictJudge.judge(
                new VerdictInputs(RUN, manifest("a"), gates(gate("a", RUN, true)), JMH, SHA, failing, ROI));

        assertThat(verdict.checks()).isEqualTo(3);
        assertThat(lines(verdict))
                .containsExactly("benchmark Outcome.record: gc.alloc.rate.norm measured 24, limit < 1 (over by 23)");
    }

    @Test
    void aJmhGateThatJudgedNothingIsNoPass() {
        Input<JmhGateResult> empty =
                new Input.Present<>(Path.of("jmh-gate.json"), new JmhGateResult(true, List.of(), RUN, SHA));

        Verdict verdict = VerdictJudge.judge(
                new VerdictInputs(RUN, manifest("a"), gates(gate("a", RUN, true)), JMH, SHA, empty, ROI));

        assertThat(lines(verdict)).containsExactly("benchmark gate jmh: the JMH gate judged no check");
    }

    @Test
    void anInvalidGateFileFailsNamingTheSchemaErrors() {
        Input<List<GateFile>> gates = new Input.Present<>(
                Path.of("gates"),
                List.of(new GateFile.Invalid(Path.of("gates/a.json"), List.of("#/passed: not a boolean"))));

        assertThat(lines(judge(manifest("a"), gates)))
                .containsExactly("gate a: invalid result a.json: #/passed: not a boolean");
    }

    @Test
    void aGateTheRelayDoesNotSupportIsNeitherPassedNorFailedAndSaysSoInTheHeadline() {
        List<GateResult> results = new ArrayList<>();
        for (int i = 0; i < DEFAULT_GATES.size(); i++) {
            results.add(on("external", DEFAULT_GATES.get(i), i < 3 ? Outcome.HELD : Outcome.NOT_SUPPORTED));
        }

        Verdict verdict =
                judge(manifest(DEFAULT_GATES.toArray(String[]::new)), gates(results.toArray(GateResult[]::new)));

        assertThat(verdict.failures()).isEmpty();
        assertThat(verdict.status()).isEqualTo("PASSED");
        assertThat(verdict.defaults()).isEqualTo(new Verdict.Tally("external", 13, 3, 0, 10));
        assertThat(verdict.headline())
                .isEqualTo("3 of 13 gates run (10 not supported by external), 1 benchmark checks");
    }

    @Test
    void aNotSupportedResultIsNoPassSoABuildOfOnlyNotSupportedGatesIsNotPassed() {
        Verdict verdict = judge(
                manifest("a", "b"),
                gates(on("external", "a", Outcome.NOT_SUPPORTED), on("external", "b", Outcome.NOT_SUPPORTED)));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.status()).isEqualTo("FAILED");
        assertThat(lines(verdict))
                .containsExactly("gates external: no gate passed: 2 of 2 not supported by external, and a gate that"
                        + " could not run is no pass");
    }

    @Test
    void aSelfContradictoryNotSupportedResultIsNotAccepted() {
        GateResult contradictory = new GateResult(
                "a",
                false,
                "d",
                null,
                List.of("p99_ms was 250"),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                null,
                null,
                0,
                RUN,
                false,
                Map.of(),
                RELAYGATE,
                "not supported by relaygate: x");

        assertThat(lines(judge(manifest("a"), gates(contradictory))))
                .containsExactly("gate a: self-contradictory result: not supported, yet with 1 failure");
    }

    @Test
    void aComparisonWherePeersFailOrLackCapabilitiesPassesOnRelaygatesGatesAndCountsThePeersFindings() {
        List<GateResult> results = new ArrayList<>();
        COMPARISON_GATES.forEach(g -> results.add(on("relaygate", g, Outcome.HELD)));
        results.add(on("portkey", "steady-state", Outcome.HELD));
        results.add(on("portkey", "relay-overhead", Outcome.HELD));
        results.add(on("portkey", "split-accuracy", Outcome.HELD));
        results.add(on("portkey", "streaming-integrity", Outcome.FAILED));
        results.add(on("portkey", "errors-under-fault", Outcome.NOT_SUPPORTED));

        Verdict verdict = judge(
                comparisonManifest(List.of("relaygate", "portkey"), COMPARISON_GATES),
                compared(results.toArray(GateResult[]::new)));

        assertThat(verdict.failures()).isEmpty();
        assertThat(verdict.status()).isEqualTo("PASSED");
        assertThat(verdict.headline())
                .isEqualTo("5 of 5 comparison gates on relaygate (13 default gates not requested), benchmarks not run"
                        + " in a comparison build; portkey: 3 held, 1 failed, 1 not supported");
        assertThat(verdict.peers()).containsExactly(new Verdict.Tally("portkey", 5, 3, 1, 1));
    }

    @Test
    void aComparisonBuildRunsNoMicroBenchmarksAndSaysSoWhileADefaultBuildWithoutThemFails() {
        List<GateResult> results = new ArrayList<>();
        COMPARISON_GATES.forEach(g -> results.add(on("relaygate", g, Outcome.HELD)));
        COMPARISON_GATES.forEach(g -> results.add(on("portkey", g, Outcome.HELD)));

        Verdict comparison = VerdictJudge.judge(new VerdictInputs(
                RUN,
                comparisonManifest(List.of("relaygate", "portkey"), COMPARISON_GATES),
                compared(results.toArray(GateResult[]::new)),
                Input.missing(Path.of("jmh-result.json")),
                null,
                Input.missing(Path.of("jmh-gate.json")),
                ROI));

        assertThat(comparison.failures()).isEmpty();
        assertThat(comparison.headline()).contains("benchmarks not run in a comparison build");
        assertThat(lines(VerdictJudge.judge(oneGateWithoutJmh())))
                .anySatisfy(line -> assertThat(line).startsWith("input JMH result: expected in run"));
    }

    @Test
    void aFailedComparisonGateOfRelaygateFailsTheBuildWhileThePeersDoesNot() {
        Verdict verdict = judge(
                comparisonManifest(List.of("relaygate", "portkey"), List.of("split-accuracy", "steady-state")),
                compared(
                        on("relaygate", "split-accuracy", Outcome.FAILED),
                        on("relaygate", "steady-state", Outcome.HELD),
                        on("portkey", "split-accuracy", Outcome.FAILED),
                        on("portkey", "steady-state", Outcome.HELD)));

        assertThat(lines(verdict)).containsExactly("gate relaygate/split-accuracy: split-accuracy missed its limit");
        assertThat(verdict.headline()).isEqualTo("1 failure in 4 checks; portkey: 1 held, 1 failed, 0 not supported");
    }

    @Test
    void aMissingOrAbortedPeerResultFailsTheBuild() {
        GateResult aborted = new GateResult(
                "steady-state",
                false,
                "d",
                null,
                List.of("portkey did not start"),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                null,
                null,
                0,
                RUN,
                true,
                Map.of(),
                new GateResult.Relay("portkey", "child process", "portkey"),
                null);

        Verdict verdict = judge(
                comparisonManifest(List.of("relaygate", "portkey"), List.of("split-accuracy", "steady-state")),
                compared(
                        on("relaygate", "split-accuracy", Outcome.HELD),
                        on("relaygate", "steady-state", Outcome.HELD),
                        aborted));

        assertThat(lines(verdict))
                .containsExactly(
                        "gate portkey/split-accuracy: expected in run " + RUN + ", but no result was written",
                        "gate portkey/steady-state: aborted: portkey did not start");
        assertThat(verdict.headline())
                .endsWith("; portkey: 0 held, 0 failed, 0 not supported, 2 without a usable result");
    }

    @Test
    void aComparisonWithoutRelaygateIsNeverAPass() {
        Verdict verdict = judge(
                comparisonManifest(List.of("portkey"), List.of("steady-state")),
                compared(on("portkey", "steady-state", Outcome.HELD)));

        assertThat(verdict.passed()).isFalse();
        assertThat(lines(verdict))
                .containsExactly(
                        "gates relaygate: no gate of relaygate was expected in this run, so none of ours passed");
    }

    @Test
    void aDefaultGateResultInAComparisonBuildIsNotRequested() {
        Verdict verdict = judge(
                comparisonManifest(List.of("relaygate"), List.of("steady-state")),
                new Input.Present<>(
                        Path.of("gates"),
                        List.of(
                                new GateFile.Valid(
                                        Path.of("relaygate/steady-state.json"),
                                        "relaygate/steady-state",
                                        on("relaygate", "steady-state", Outcome.HELD)),
                                new GateFile.Valid(
                                        Path.of("steady-state.json"), on("relaygate", "steady-state", Outcome.HELD)))));

        assertThat(lines(verdict))
                .containsExactly(
                        "gate steady-state: a result is present, but run " + RUN + " did not request this gate");
    }

    @Test
    void nothingCheckedIsNeverAPass() {
        Verdict nothing = new Verdict(RUN, Verdict.Tally.none(), null, List.of(), 0, 0, List.of(), List.of());

        assertThat(nothing.passed()).isFalse();
        assertThat(nothing.status()).isEqualTo("FAILED");
        assertThat(nothing.headline()).isEqualTo("nothing was checked, so nothing passed");
    }

    @Test
    void failedGateWithoutSentencesShowsItsThresholdsAndMeasurements() {
        GateResult bare = new GateResult(
                "g",
                false,
                "d",
                null,
                List.of(),
                Map.of("p99_ms", 200),
                Map.of(),
                Map.of("p99_ms", 250.5),
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                null,
                null,
                0,
                RUN,
                false,
                Map.of(),
                RELAYGATE,
                null);
        assertThat(VerdictJudge.gateDetail(bare)).isEqualTo("failed; thresholds p99_ms=200; measured p99_ms=250.5");
    }

    private static Verdict judge(Input<GateManifest> manifest, Input<List<GateFile>> gates) {
        return VerdictJudge.judge(new VerdictInputs(null, manifest, gates, JMH, SHA, JMH_GATE, ROI));
    }

    private static List<String> lines(Verdict verdict) {
        return verdict.failures().stream().map(Verdict.Failure::line).toList();
    }

    /** A default build whose one gate passed and whose micro-benchmarks wrote nothing. */
    private static VerdictInputs oneGateWithoutJmh() {
        return new VerdictInputs(
                RUN,
                manifest("a"),
                gates(gate("a", RUN, true)),
                Input.missing(Path.of("jmh-result.json")),
                null,
                Input.missing(Path.of("jmh-gate.json")),
                ROI);
    }

    private static Input<GateManifest> manifest(String... requested) {
        List<String> all = new ArrayList<>(List.of(requested));
        return new Input.Present<>(
                Path.of("_manifest.json"), new GateManifest(RUN, all, List.of(), "in-process", "full"));
    }

    private static Input<List<GateFile>> gates(GateResult... results) {
        return new Input.Present<>(
                Path.of("gates"),
                Arrays.stream(results)
                        .map(r -> (GateFile) new GateFile.Valid(Path.of(r.gate() + ".json"), r))
                        .toList());
    }

    private static GateResult gate(String id, String runId, boolean passed) {
        return gate(id, runId, passed, List.of(), false, Map.of());
    }

    private static GateResult gate(
            String id,
            String runId,
            boolean passed,
            List<String> failures,
            boolean aborted,
            Map<String, ThresholdOverride> overrides) {
        return new GateResult(
                id, passed, "d", null, failures, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of(), List.of(),
                null, null, 0, runId, aborted, overrides, RELAYGATE, null);
    }

    /** A result of gate {@code id} on {@code relay}: passed, failed with one failure, or not supported. */
    private static GateResult on(String relay, String id, Outcome outcome) {
        GateResult.Relay r = new GateResult.Relay(relay, "external".equals(relay) ? "external" : "in-process", relay);
        return new GateResult(
                id,
                outcome == Outcome.HELD,
                "d",
                null,
                outcome == Outcome.FAILED ? List.of(id + " missed its limit") : List.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                List.of(),
                List.of(),
                null,
                null,
                0,
                RUN,
                false,
                Map.of(),
                r,
                outcome == Outcome.NOT_SUPPORTED ? "not supported by " + relay + ": needs traffic weights" : null);
    }

    private enum Outcome {
        HELD,
        FAILED,
        NOT_SUPPORTED
    }

    /** A comparison build's results, keyed {@code <relay>/<gate>}. */
    private static Input<List<GateFile>> compared(GateResult... results) {
        return new Input.Present<>(
                Path.of("gates"),
                Arrays.stream(results)
                        .map(r -> (GateFile) new GateFile.Valid(
                                Path.of(r.relayName(), r.gate() + ".json"), r.relayName() + "/" + r.gate(), r))
                        .toList());
    }

    private static Input<GateManifest> comparisonManifest(List<String> relays, List<String> gates) {
        return new Input.Present<>(
                Path.of("_manifest.json"),
                new GateManifest(
                        RUN,
                        List.of(),
                        DEFAULT_GATES,
                        "in-process",
                        "comparison",
                        new GateManifest.Comparison(relays, gates)));
    }

    private static RoiResult roi(String runId) {
        return new RoiResult(1, null, "USD", null, null, null, null, null, null, null, null, null, null, null, runId);
    }
}
