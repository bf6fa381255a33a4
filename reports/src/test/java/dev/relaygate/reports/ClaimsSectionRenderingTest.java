package dev.relaygate.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scorecard on the page: first after the banner, one row per claim, every link to its evidence. */
final class ClaimsSectionRenderingTest {

    @TempDir
    static Path root;

    static Document page;

    @BeforeAll
    static void render() throws IOException {
        Fixtures.copyFull(root);
        ReportOutcome outcome =
                Fixtures.render(Fixtures.inputs(root).withClaims(Fixtures.resource("claims/claims.yaml"), ""));
        page = Jsoup.parse(Files.readString(outcome.indexHtml()));
    }

    @Test
    void theScorecardIsTheFirstSectionAfterTheBanner() {
        assertThat(page.select("main > section").eachAttr("id")).startsWith("verdict", "claims", "inputs");
        assertThat(page.select("header nav a").eachAttr("href")).startsWith("#verdict", "#claims");
    }

    @Test
    void theBannerCountsTheClaimsWithoutChangingTheVerdict() {
        assertThat(page.selectFirst("section#verdict .verdict-claims a").text())
                .isEqualTo("Claims: 3 hold, 4 refuted, 3 not tested, 1 untestable on loopback (of 11)");
        assertThat(page.selectFirst("section#verdict .verdict-status").text()).isEqualTo("FAILED");
    }

    @Test
    void eachRowShowsItsVerdictTheClaimedAndTheMeasuredFigure() {
        Element refuted = page.selectFirst("tr#claim-refuted-p99");

        assertThat(refuted.select("td").eachText())
                .startsWith("\u201cp99 under 40 ms\u201d fixture", "refuted", "< 40 ms", "44.9 ms");
        assertThat(page.selectFirst("tr#claim-not-run").text())
                .contains("not tested")
                .contains("Run: ./mvnw verify -Dgates=key-rotation");
        assertThat(page.select("tr.claim-row")).hasSize(11);
    }

    @Test
    void everyLinkOfTheScorecardLeadsToAnElementOfThePage() {
        for (Element link : page.select("section#claims a[href^=#], section#verdict a[href^=#]")) {
            String id = link.attr("href").substring(1);
            assertThat(page.getElementById(id)).as(link.attr("href")).isNotNull();
        }
        assertThat(page.selectFirst("tr#claim-holds-seconds a.evidence").attr("href"))
                .isEqualTo("#gate-auto-rollback-errors");
        assertThat(page.selectFirst("tr#claim-scenario-direct a.evidence").attr("href"))
                .isEqualTo("#claim-scenario-scenario-payback");
        assertThat(page.selectFirst("tr#claim-not-run a.evidence")).isNull();
    }

    @Test
    void aClaimsFilesOwnWordsAreTextNotMarkup(@TempDir Path other) throws IOException {
        Fixtures.copyFull(other);
        Path claims = other.resolve("claims.yaml");
        Files.writeString(
                claims,
                "version: 1\nclaims:\n  - id: x\n    quote: \"<script>alert(1)</script>\"\n    source: \"<b>s</b>\"\n"
                        + "    evidence: {untestable_on_loopback: \"<img src=x onerror=alert(1)>\"}\n");
        Document hostile = Jsoup.parse(
                Files.readString(Fixtures.render(Fixtures.inputs(other).withClaims(claims, " -Dclaims=claims.yaml"))
                        .indexHtml()));

        assertThat(hostile.select("section#claims script, section#claims img, section#claims b"))
                .isEmpty();
        assertThat(hostile.selectFirst("tr#claim-x .claim-quote").text())
                .isEqualTo("\u201c<script>alert(1)</script>\u201d");
    }

    @Test
    void aBadClaimsFileIsShownWithItsErrorsInsteadOfRows(@TempDir Path other) throws IOException {
        Fixtures.copyFull(other);
        Path claims = other.resolve("claims.yaml");
        Files.writeString(claims, "version: 1\nclaims:\n  - {id: x, quote: q, source: s, evidence: {gate: nope}}\n");
        ReportOutcome outcome = Fixtures.render(Fixtures.inputs(other).withClaims(claims, " -Dclaims=claims.yaml"));
        Document bad = Jsoup.parse(Files.readString(outcome.indexHtml()));

        assertThat(outcome.claimsInvalid()).isTrue();
        assertThat(bad.select("section#claims ul.claims-errors li").eachText())
                .anySatisfy(e -> assertThat(e).startsWith("claims[0] (id 'x').evidence.gate must be one of"));
        assertThat(bad.select("tr.claim-row")).isEmpty();
        assertThat(outcome.consoleText()).contains("  CLAIMS FILE claims[0] (id 'x').evidence.gate must be one of");
    }

    @Test
    void aClaimsFileTheUserNamedThatDoesNotExistIsAnErrorNotASilentSkip(@TempDir Path other) {
        Fixtures.copyFull(other);
        ReportOutcome outcome =
                Fixtures.render(Fixtures.inputs(other).withClaims(other.resolve("typo.yaml"), " -Dclaims=typo.yaml"));

        assertThat(outcome.claimsInvalid()).isTrue();
        assertThat(outcome.consoleText()).contains("typo.yaml does not exist");
    }
}
