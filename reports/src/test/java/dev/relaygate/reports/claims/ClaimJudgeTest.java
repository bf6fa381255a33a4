package dev.relaygate.reports.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaygate.reports.Fixtures;
import dev.relaygate.reports.ReportOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each verdict a claim can get, judged on the full fixture set through the report's own pipeline. */
final class ClaimJudgeTest {

    @TempDir
    static Path root;

    static Map<String, ClaimOutcome> outcomes;
    static ReportOutcome report;

    @BeforeAll
    static void judgeTheFixtureClaims() {
        Fixtures.copyFull(root);
        Path claims = Fixtures.resource("claims/claims.yaml");
        report = Fixtures.render(Fixtures.inputs(root).withClaims(claims, " -Dclaims=fixture-claims.yaml"));
        outcomes = byId(report);
    }

    static Map<String, ClaimOutcome> byId(ReportOutcome outcome) {
        assertThat(outcome.scorecard()).isInstanceOf(Scorecard.Judged.class);
        return ((Scorecard.Judged) outcome.scorecard())
                .outcomes().stream().collect(Collectors.toMap(o -> o.claim().id(), Function.identity()));
    }

    @Test
    void aFigureWithinTheClaimHoldsAndIsShownInTheClaimsUnit() {
        ClaimOutcome o = outcomes.get("holds-seconds");

        assertThat(o.verdict()).isEqualTo(ClaimVerdict.HOLDS);
        assertThat(o.measured()).isEqualTo("4.1 s"); // 4,100 ms in the fixture
        assertThat(o.claimed()).isEqualTo("<= 30 s");
        assertThat(o.evidence()).isEqualTo(new ClaimOutcome.GateRef("auto-rollback-errors"));
    }

    @Test
    void aFigureBeyondTheClaimRefutesItWithBothFiguresSideBySide() {
        ClaimOutcome o = outcomes.get("refuted-p99");

        assertThat(o.verdict()).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(o.measured()).isEqualTo("44.9 ms");
        assertThat(o.claimed()).isEqualTo("< 40 ms");
        assertThat(o.reason()).isEqualTo("steady-state p99_ms measured 44.9 ms, against the claimed < 40 ms");
    }

    @Test
    void aPercentClaimIsHeldAgainstAFractionFigure() {
        ClaimOutcome o = outcomes.get("percent-of-a-fraction");

        assertThat(o.verdict()).isEqualTo(ClaimVerdict.HOLDS);
        assertThat(o.measured()).isEqualTo("0 %");
    }

    @Test
    void aGateThatDidNotRunLeavesItsClaimNotTestedWithTheCommandThatTestsIt() {
        ClaimOutcome o = outcomes.get("not-run");

        assertThat(o.verdict()).isEqualTo(ClaimVerdict.NOT_TESTED);
        assertThat(o.reason()).isEqualTo("gate key-rotation did not run in this build");
        assertThat(o.command()).isEqualTo("./mvnw verify -Dgates=key-rotation -Dclaims=fixture-claims.yaml");
        assertThat(o.measured()).isNull();
    }

    @Test
    void aFailedGateThatDidNotMeasureTheFigureLeavesItsClaimNotTested() {
        ClaimOutcome o = outcomes.get("not-measured");

        assertThat(o.verdict()).isEqualTo(ClaimVerdict.NOT_TESTED);
        assertThat(o.reason())
                .startsWith("auto-rollback-latency rollback_after_ms was not measured (the gate failed: ");
    }

    @Test
    void aFigureWhosePremiseDidNotHappenDoesNotSpeakToTheClaim() {
        ClaimOutcome o = outcomes.get("given-absent");

        assertThat(o.verdict()).isEqualTo(ClaimVerdict.NOT_TESTED);
        assertThat(o.reason())
                .isEqualTo(
                        "streaming-shift measured rolled_back = null, so broken_streams does not speak to this claim");
    }

    @Test
    void anUntestableLatencyClaimSaysForWhichProvidersItIsImpossibleByArithmetic() {
        ClaimOutcome o = outcomes.get("untestable-arithmetic");

        assertThat(o.verdict()).isEqualTo(ClaimVerdict.UNTESTABLE_ON_LOOPBACK);
        assertThat(o.reason()).isEqualTo("needs real providers");
        assertThat(o.measured()).isEqualTo("adds 0.142 ms (relay-overhead p50_added_ms)");
        // 50 - 0.142 = 49.858 ms, shown to three significant figures
        assertThat(o.arithmetic()).contains("measured 0.142 ms here").contains("in under 49.9 ms");
        assertThat(o.evidence()).isEqualTo(new ClaimOutcome.GateRef("relay-overhead"));
    }

    @Test
    void aLatencyBoundBelowTheRelaysOwnAddedLatencyIsRefutedByArithmetic() {
        ClaimOutcome o = outcomes.get("impossible-by-arithmetic");

        assertThat(o.verdict()).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(o.reason())
                .isEqualTo("Impossible by arithmetic: the relay alone adds 0.142 ms (relay-overhead p50_added_ms),"
                        + " already over the claimed < 0.1 ms before any provider answers.");
    }

    @Test
    void anRoiClaimIsHeldAgainstTheBuildsOwnRoiResult() {
        ClaimOutcome o = outcomes.get("roi-savings");

        assertThat(o.verdict()).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(o.measured()).isEqualTo("45 %"); // totals.savings_pct 45.0267 in the fixture
        assertThat(o.evidence()).isEqualTo(new ClaimOutcome.RoiRef());
    }

    @Test
    void aScenarioIsComputedByTheCalculatorOnTheClaimsOwnUsageFile() {
        // 10 Mtok x 2.00 = 20 USD direct, x 0.5 = 10 USD relay: 10 USD a month saved against 75 USD
        ClaimOutcome payback = outcomes.get("scenario-payback");
        ClaimOutcome direct = outcomes.get("scenario-direct");

        assertThat(payback.verdict()).isEqualTo(ClaimVerdict.HOLDS);
        assertThat(payback.measured()).isEqualTo("7.5 months");
        assertThat(direct.verdict()).isEqualTo(ClaimVerdict.REFUTED);
        assertThat(direct.measured()).isEqualTo("$240/year");
        assertThat(direct.claimed()).isEqualTo("approx $360/year (within 5 %)");
        assertThat(payback.evidence()).isEqualTo(new ClaimOutcome.ScenarioRef("scenario-payback"));
    }

    @Test
    void theTallyCountsEachVerdict() {
        assertThat(report.scorecard().tally())
                .isEqualTo("Claims: 3 hold, 4 refuted, 3 not tested, 1 untestable on loopback (of 11)");
        assertThat(report.consoleText())
                .contains("relaygate Claims: 3 hold, 4 refuted")
                .contains("  REFUTED refuted-p99: steady-state p99_ms measured 44.9 ms, against the claimed < 40 ms\n")
                .contains("  NOT TESTED not-run: gate key-rotation did not run in this build\n");
    }

    @Test
    void claimsNeverChangeTheBuildsVerdict(@TempDir Path other) {
        Fixtures.copyFull(other);
        ReportOutcome without = Fixtures.render(Fixtures.inputs(other));

        assertThat(report.verdict()).isEqualTo(without.verdict());
        assertThat(without.scorecard()).isInstanceOf(Scorecard.NoFile.class);
    }

    @Test
    void aStaleGateResultCannotSpeakForItsClaim(@TempDir Path other) throws IOException {
        Fixtures.copyFull(other);
        Path result = other.resolve("gates/auto-rollback-errors.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode node = (ObjectNode) json.readTree(result.toFile());
        node.put("run_id", "20261128T000000.000Z");
        json.writeValue(result.toFile(), node);

        ClaimOutcome o = byId(Fixtures.render(
                        Fixtures.inputs(other).withClaims(Fixtures.resource("claims/claims.yaml"), "")))
                .get("holds-seconds");

        assertThat(o.verdict()).isEqualTo(ClaimVerdict.NOT_TESTED);
        assertThat(o.reason())
                .startsWith("the result of auto-rollback-errors cannot be used: ")
                .contains("stale");
        assertThat(o.command()).isEqualTo("./mvnw verify -Dgates=auto-rollback-errors");
    }

    @Test
    void theScenarioResultIsKeptBesideTheReport() throws IOException {
        List<Path> files;
        try (var list = Files.list(root.resolve("out/claims"))) {
            files = list.toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("scenario-scenario-payback.json");
    }
}
