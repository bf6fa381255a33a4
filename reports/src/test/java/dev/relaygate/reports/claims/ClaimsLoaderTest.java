package dev.relaygate.reports.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A claims file that cannot be judged says which claim and which field, and how to put it right. */
final class ClaimsLoaderTest {

    private static final String GOOD_EVIDENCE = "{gate: relay-overhead, figure: p99_added_ms}";
    private static final String GOOD_EXPECT = "{comparator: \"<\", value: 50, unit: ms}";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown gate|{gate: relay-overhed, figure: p99_added_ms}|" + GOOD_EXPECT
                        + "|claims[0] (id 'c').evidence.gate must be one of steady-state, canary-progression,",
                "unknown figure|{gate: relay-overhead, figure: added_p99_ms}|" + GOOD_EXPECT
                        + "|claims[0] (id 'c').evidence.figure must be a figure relay-overhead reports (p99_added_ms,",
                "bad comparator|" + GOOD_EVIDENCE + "|{comparator: \"=<\", value: 50, unit: ms}"
                        + "|claims[0] (id 'c').expect.comparator must be one of <, <=, >, >=, ==, approx, is, but was '=<'",
                "missing unit|" + GOOD_EVIDENCE + "|{comparator: \"<\", value: 50}"
                        + "|claims[0] (id 'c').expect.unit is missing: say what the value is in (one of ms, s,",
                "unknown unit|" + GOOD_EVIDENCE + "|{comparator: \"<\", value: 50, unit: msec}"
                        + "|claims[0] (id 'c').expect.unit must be one of ms, s,",
                "unit of another kind|" + GOOD_EVIDENCE + "|{comparator: \"<\", value: 50, unit: USD/month}"
                        + "|claims[0] (id 'c').expect.unit 'USD/month' cannot be compared with a figure in 'ms'",
                "approx without tolerance|" + GOOD_EVIDENCE + "|{comparator: approx, value: 50, unit: ms}"
                        + "|claims[0] (id 'c').expect.tolerance_pct must be in (0, 100] with approx, but was missing",
                "is on a number|" + GOOD_EVIDENCE + "|{comparator: is, value: 50, unit: ms}"
                        + "|claims[0] (id 'c').expect.comparator must be a numeric one, not 'is', but was 'is'",
                "unknown roi figure|{roi: totals.savings_percent}|{comparator: \">=\", value: 86, unit: percent}"
                        + "|claims[0] (id 'c').evidence.roi must be one of totals.direct_monthly,",
                "two kinds of evidence|{roi: totals.savings_pct, untestable_on_loopback: why}|" + GOOD_EXPECT
                        + "|claims[0] (id 'c').evidence must have exactly one of gate, roi, roi_scenario,"
                        + " untestable_on_loopback, but had roi and untestable_on_loopback",
                "missing scenario file|{roi_scenario: {usage: nowhere.yaml, figure: payback_months}}"
                        + "|{comparator: \"<=\", value: 1, unit: months}"
                        + "|claims[0] (id 'c').evidence.roi_scenario.usage names ",
                "unknown field of the evidence|{gate: relay-overhead, figure: p99_added_ms, figures: x}|"
                        + GOOD_EXPECT + "|claims[0] (id 'c').evidence.figures is not a known field (known: figure,"
                        + " gate, given)",
            })
    void aBadClaimIsNamedWithItsField(String what, String evidence, String expect, String message) throws IOException {
        Path file = write("version: 1\nclaims:\n  - id: c\n    quote: q\n    source: s\n    evidence: " + evidence
                + "\n    expect: " + expect + "\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ClaimsFileException.class)
                .satisfies(e -> assertThat(((ClaimsFileException) e).errors())
                        .as(what)
                        .anySatisfy(error -> assertThat(error).startsWith(message)));
    }

    @Test
    void everyErrorOfTheFileIsReportedAtOnce() throws IOException {
        Path file = write("version: 2\nclaims:\n"
                + "  - {id: a, quote: q, source: s, evidence: " + GOOD_EVIDENCE + "}\n"
                + "  - {id: a, quote: '', source: s, evidence: " + GOOD_EVIDENCE + ", expect: " + GOOD_EXPECT
                + ", because: x}\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ClaimsFileException.class)
                .satisfies(e -> assertThat(((ClaimsFileException) e).errors())
                        .containsExactly(
                                "version must be 1, but was 2",
                                "claims[0] (id 'a').expect is missing: give comparator, value and unit",
                                "claims[1] (id 'a').because is not a known field (known: arithmetic, evidence, expect,"
                                        + " id, quote, reading, source)",
                                "claims[1] (id 'a').id must be unique, but 'a' is used twice",
                                "claims[1] (id 'a').quote must be non-empty text, but was ''"));
    }

    @Test
    void aFileThatIsNotYamlSaysSo() throws IOException {
        Path file = write("version: 1\nclaims: [\n");

        assertThatThrownBy(() -> load(file))
                .isInstanceOf(ClaimsFileException.class)
                .hasMessageContaining("not YAML");
    }

    @Test
    void aGoodClaimIsReadWithItsFigureUnitAndExpectation() throws IOException {
        Path file = write("version: 1\nclaims:\n  - id: c\n    quote: q\n    source: s\n    reading: r\n"
                + "    evidence: " + GOOD_EVIDENCE + "\n    expect: " + GOOD_EXPECT + "\n");

        Claim claim = load(file).claims().get(0);

        assertThat(claim.evidence())
                .isEqualTo(new Claim.GateEvidence(
                        new Claim.GateFigure("relay-overhead", "p99_added_ms", FigureUnit.MS), List.of()));
        assertThat(claim.expect().text()).isEqualTo("< 50 ms");
        assertThat(claim.reading()).isEqualTo("r");
    }

    private ClaimsFile load(Path file) {
        return new ClaimsLoader(GateFigures.bundled()).load(file);
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("claims.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
