package dev.relaygate.reports.page;

import dev.relaygate.reports.claims.Claim;
import dev.relaygate.reports.claims.ClaimOutcome;
import dev.relaygate.reports.claims.Scorecard;
import dev.relaygate.reports.format.Fmt;
import dev.relaygate.reports.input.RoiResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The scorecard section: each claim with its verdict, figures and a link to its evidence on the page. */
final class ClaimsViewBuilder {

    static final String SCENARIO_ANCHOR = "claim-scenario-";

    private ClaimsViewBuilder() {}

    /** Null when there is no claims file. {@code gateAnchors}: the ids of the gate rows on the page. */
    static ReportPage.ClaimsView build(Scorecard scorecard, Set<String> gateAnchors) {
        if (scorecard instanceof Scorecard.NoFile) {
            return null;
        }
        String file = String.valueOf(scorecard.file());
        if (scorecard instanceof Scorecard.Invalid invalid) {
            return new ReportPage.ClaimsView(file, invalid.tally(), List.of(), List.of(), invalid.errors());
        }
        Scorecard.Judged judged = (Scorecard.Judged) scorecard;
        List<ReportPage.ClaimRow> rows = new ArrayList<>();
        Map<Path, List<String>> scenarioClaims = new LinkedHashMap<>();
        for (ClaimOutcome outcome : judged.outcomes()) {
            Claim claim = outcome.claim();
            if (claim.evidence() instanceof Claim.ScenarioEvidence scenario) {
                scenarioClaims
                        .computeIfAbsent(scenario.usage(), k -> new ArrayList<>())
                        .add(claim.id());
            }
            rows.add(new ReportPage.ClaimRow(
                    "claim-" + claim.id(),
                    claim.quote(),
                    claim.source(),
                    claim.reading(),
                    outcome.verdict().label(),
                    outcome.verdict().css(),
                    outcome.claimed() == null ? "\u2014" : outcome.claimed(),
                    outcome.measured() == null ? "\u2014" : outcome.measured(),
                    outcome.reason(),
                    outcome.command(),
                    outcome.arithmetic(),
                    href(outcome.evidence(), scenarioAnchor(judged, claim), gateAnchors),
                    label(outcome.evidence(), claim)));
        }
        List<ReportPage.ScenarioView> scenarios = new ArrayList<>();
        scenarioClaims.forEach((usage, ids) -> scenarios.add(scenario(
                SCENARIO_ANCHOR + ids.get(0), usage, ids, judged.scenarios().get(usage))));
        return new ReportPage.ClaimsView(file, judged.tally(), rows, scenarios, List.of());
    }

    /** Every claim on one usage file points at the one table shown for it: the first such claim's. */
    private static String scenarioAnchor(Scorecard.Judged judged, Claim claim) {
        if (!(claim.evidence() instanceof Claim.ScenarioEvidence mine)) {
            return null;
        }
        for (ClaimOutcome other : judged.outcomes()) {
            if (other.claim().evidence() instanceof Claim.ScenarioEvidence s
                    && s.usage().equals(mine.usage())) {
                return SCENARIO_ANCHOR + other.claim().id();
            }
        }
        return SCENARIO_ANCHOR + claim.id();
    }

    private static String href(ClaimOutcome.EvidenceRef ref, String scenarioAnchor, Set<String> gateAnchors) {
        if (ref instanceof ClaimOutcome.GateRef gate) {
            String anchor = GatesViewBuilder.anchor(gate.key());
            return gateAnchors.contains(anchor) ? "#" + anchor : "#gates";
        }
        if (ref instanceof ClaimOutcome.RoiRef) {
            return "#roi";
        }
        if (ref instanceof ClaimOutcome.ScenarioRef) {
            return "#" + scenarioAnchor;
        }
        return null;
    }

    private static String label(ClaimOutcome.EvidenceRef ref, Claim claim) {
        if (ref instanceof ClaimOutcome.GateRef gate) {
            return "gate " + gate.key();
        }
        if (ref instanceof ClaimOutcome.RoiRef) {
            return "ROI";
        }
        if (claim.evidence() instanceof Claim.ScenarioEvidence scenario) {
            return "scenario " + scenario.usageAsWritten();
        }
        return null;
    }

    private static ReportPage.ScenarioView scenario(String anchor, Path usage, List<String> ids, RoiResult roi) {
        List<ReportPage.Kv> figures = new ArrayList<>();
        if (roi != null) {
            String currency = roi.currency();
            RoiResult.Totals t = roi.totals();
            figures.add(new ReportPage.Kv(
                    "models",
                    roi.models().stream()
                            .map(m -> m.model() + " "
                                    + Fmt.num(m.monthlyTokensMtok().input()) + " / "
                                    + Fmt.num(m.monthlyTokensMtok().cachedInput()) + " / "
                                    + Fmt.num(m.monthlyTokensMtok().output()) + " Mtok (input / cached / output)")
                            .collect(Collectors.joining("; "))));
            figures.add(new ReportPage.Kv("relay pricing", RoiViewBuilder.relayPricing(roi)));
            figures.add(new ReportPage.Kv(
                    "direct, month one / first year",
                    Fmt.money(t.directMonthly(), currency) + " / " + Fmt.money(t.directYearly(), currency)));
            figures.add(new ReportPage.Kv(
                    "relay, month one / first year",
                    Fmt.money(t.relayMonthly(), currency) + " / " + Fmt.money(t.relayYearly(), currency)));
            figures.add(new ReportPage.Kv("savings", Fmt.pct(t.savingsPct())));
            if (roi.migration() != null) {
                figures.add(new ReportPage.Kv(
                        "migration cost", Fmt.money(roi.migration().cost(), currency)));
            }
            figures.add(new ReportPage.Kv("payback", roi.payback()));
        }
        return new ReportPage.ScenarioView(anchor, usage.toString(), String.join(", ", ids), figures);
    }
}
