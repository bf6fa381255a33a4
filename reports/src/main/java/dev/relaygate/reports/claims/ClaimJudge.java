package dev.relaygate.reports.claims;

import dev.relaygate.reports.input.GateFile;
import dev.relaygate.reports.input.GateManifest;
import dev.relaygate.reports.input.GateResult;
import dev.relaygate.reports.input.Input;
import dev.relaygate.reports.input.RoiResult;
import dev.relaygate.reports.verdict.VerdictJudge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges each claim on this build's evidence. Only the bound figure counts: a failed gate still measured it,
 * while a result that is stale, aborted, not supported or absent cannot speak for the claim, which is then
 * not tested, with the command that tests it. Claims never change the build's verdict.
 */
public final class ClaimJudge {

    /** What the judge reads: this build's results, the scenario results, and how to re-run with this file. */
    public record Evidence(
            Input<GateManifest> manifest,
            List<GateFile> gates,
            String runId,
            Input<RoiResult> roi,
            Map<Path, RoiResult> scenarios,
            String claimsOption) {}

    private final Evidence in;

    public ClaimJudge(Evidence in) {
        this.in = in;
    }

    public List<ClaimOutcome> judge(ClaimsFile file) {
        return file.claims().stream().map(this::judge).toList();
    }

    ClaimOutcome judge(Claim claim) {
        String claimed = claim.expect() == null ? null : claim.expect().text();
        Claim.Evidence evidence = claim.evidence();
        if (evidence instanceof Claim.GateEvidence gate) {
            return gate(claim, gate, claimed);
        }
        if (evidence instanceof Claim.RoiEvidence roi) {
            return roi(claim, roi, claimed);
        }
        if (evidence instanceof Claim.ScenarioEvidence scenario) {
            return scenario(claim, scenario, claimed);
        }
        return untestable(claim, (Claim.Untestable) evidence, claimed);
    }

    private ClaimOutcome gate(Claim claim, Claim.GateEvidence evidence, String claimed) {
        Claim.GateFigure figure = evidence.figure();
        Found found = find(figure.gate());
        if (found.result == null) {
            return notTested(claim, claimed, found.why, gateCommand(figure.gate()), found.ref());
        }
        for (String given : evidence.given()) {
            Object value = found.result.measured().get(given);
            if (!Boolean.TRUE.equals(value)) {
                return notTested(
                        claim,
                        claimed,
                        figure.gate() + " measured " + given + " = " + value + ", so " + figure.figure()
                                + " does not speak to this claim",
                        gateCommand(figure.gate()),
                        found.ref());
            }
        }
        Object value = found.result.measured().get(figure.figure());
        if (!(value instanceof Number) && !(value instanceof Boolean)) {
            return notTested(
                    claim,
                    claimed,
                    figure.label() + " was not measured"
                            + (value == null ? "" : ": " + value)
                            + (found.result.passed()
                                    ? ""
                                    : " (the gate failed: " + String.join("; ", found.result.failures()) + ")"),
                    gateCommand(figure.gate()),
                    found.ref());
        }
        double measured = value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).doubleValue();
        return compare(claim, measured, figure.unit(), null, figure.label(), found.ref(), arithmetic(claim));
    }

    private ClaimOutcome roi(Claim claim, Claim.RoiEvidence evidence, String claimed) {
        ClaimOutcome.RoiRef ref = new ClaimOutcome.RoiRef();
        if (!(in.roi() instanceof Input.Present<RoiResult> present)) {
            String why = in.roi() instanceof Input.Invalid<RoiResult> invalid
                    ? "the ROI result is unreadable: " + invalid.message()
                    : "the ROI calculator did not run in this build";
            return notTested(claim, claimed, why, roiCommand(), ref);
        }
        RoiResult roi = present.value();
        if (in.runId() != null && !in.runId().equals(roi.runId())) {
            return notTested(
                    claim, claimed, "the ROI result is not this build's (run " + roi.runId() + ")", roiCommand(), ref);
        }
        return roiFigure(
                claim,
                roi,
                evidence.figure(),
                evidence.unit(),
                "roi.json " + evidence.figure() + " (" + roi.usageFile() + ")",
                ref);
    }

    private ClaimOutcome scenario(Claim claim, Claim.ScenarioEvidence evidence, String claimed) {
        RoiResult roi = in.scenarios().get(evidence.usage());
        ClaimOutcome.ScenarioRef ref = new ClaimOutcome.ScenarioRef(claim.id());
        if (roi == null) {
            return notTested(
                    claim,
                    claimed,
                    "the scenario " + evidence.usageAsWritten() + " was not computed",
                    roiCommand(),
                    ref);
        }
        return roiFigure(
                claim,
                roi,
                evidence.figure(),
                evidence.unit(),
                evidence.figure() + " of the scenario " + evidence.usageAsWritten(),
                ref);
    }

    private ClaimOutcome roiFigure(
            Claim claim, RoiResult roi, String figure, FigureUnit unit, String label, ClaimOutcome.EvidenceRef ref) {
        double value = RoiFigures.value(roi, figure);
        if (Double.isNaN(value)) {
            return notTested(claim, claim.expect().text(), label + " is absent from the ROI result", roiCommand(), ref);
        }
        double inClaimUnit = Double.isInfinite(value)
                ? value
                : value * unit.factorTo(claim.expect().unit()).orElseThrow();
        String shown = RoiFigures.text(roi, figure, inClaimUnit, claim.expect().unit());
        return compare(claim, value, unit, shown, label, ref, null);
    }

    private ClaimOutcome untestable(Claim claim, Claim.Untestable evidence, String claimed) {
        Arithmetic arithmetic = arithmetic(claim);
        if (arithmetic != null && arithmetic.refutes) {
            return new ClaimOutcome(
                    claim,
                    ClaimVerdict.REFUTED,
                    arithmetic.measured,
                    claimed,
                    arithmetic.text,
                    null,
                    arithmetic.ref,
                    arithmetic.text);
        }
        return new ClaimOutcome(
                claim,
                ClaimVerdict.UNTESTABLE_ON_LOOPBACK,
                arithmetic == null ? null : arithmetic.measured,
                claimed,
                evidence.reason(),
                null,
                arithmetic == null ? null : arithmetic.ref,
                arithmetic == null ? null : arithmetic.text);
    }

    /** Holds or refuted: the measured figure in the claim's unit beside the claimed one. */
    private ClaimOutcome compare(
            Claim claim,
            double measured,
            FigureUnit figureUnit,
            String shown,
            String label,
            ClaimOutcome.EvidenceRef ref,
            Arithmetic arithmetic) {
        Claim.Expectation expect = claim.expect();
        double claimedInFigureUnit =
                expect.value() * expect.unit().factorTo(figureUnit).orElseThrow();
        boolean holds = expect.comparator().holds(measured, claimedInFigureUnit, expect.tolerancePct());
        String measuredText = shown != null
                ? shown
                : expect.unit()
                        .format(measured * figureUnit.factorTo(expect.unit()).orElseThrow());
        String reason = label + " measured " + measuredText + (holds ? ", as claimed: " : ", against the claimed ")
                + expect.text();
        return new ClaimOutcome(
                claim,
                holds ? ClaimVerdict.HOLDS : ClaimVerdict.REFUTED,
                measuredText,
                expect.text(),
                reason,
                null,
                ref,
                arithmetic == null ? null : arithmetic.text);
    }

    private record Arithmetic(String text, String measured, boolean refutes, ClaimOutcome.EvidenceRef ref) {}

    /**
     * The arithmetic of a latency claim: the relay's answer comes after the upstream's, by the added latency
     * measured here. If that alone exceeds the claimed bound no provider is fast enough to meet it.
     */
    private Arithmetic arithmetic(Claim claim) {
        Claim.GateFigure added = claim.arithmetic();
        if (added == null) {
            return null;
        }
        Found found = find(added.gate());
        Object value = found.result == null ? null : found.result.measured().get(added.figure());
        String premise =
                "A relay cannot make an upstream's answer arrive sooner than the upstream gives it: the relayed answer"
                        + " arrives after the provider's by the relay's added latency";
        if (!(value instanceof Number number)) {
            return new Arithmetic(
                    premise + ", which was not measured in this run (" + gateCommand(added.gate()) + ")",
                    null,
                    false,
                    found.ref());
        }
        double addedMs = number.doubleValue();
        String measured = "adds " + FigureUnit.MS.format(addedMs) + " (" + added.label() + ")";
        Claim.Expectation expect = claim.expect();
        if (expect == null
                || expect.unit().factorTo(FigureUnit.MS).isEmpty()
                || (expect.comparator() != Comparator.LT && expect.comparator() != Comparator.LE)) {
            return new Arithmetic(
                    premise + ", measured " + FigureUnit.MS.format(addedMs) + " here.", measured, false, found.ref());
        }
        double boundMs = expect.value() * expect.unit().factorTo(FigureUnit.MS).orElseThrow();
        if (addedMs >= boundMs) {
            return new Arithmetic(
                    "Impossible by arithmetic: the relay alone adds " + FigureUnit.MS.format(addedMs) + " ("
                            + added.label() + "), already over the claimed " + expect.text()
                            + " before any provider answers.",
                    measured,
                    true,
                    found.ref());
        }
        return new Arithmetic(
                premise + ", measured " + FigureUnit.MS.format(addedMs) + " here (" + added.label() + "). So "
                        + expect.text() + " end to end holds only where the provider itself answers in under "
                        + FigureUnit.MS.format(boundMs - addedMs)
                        + "; for any slower provider it is impossible by arithmetic.",
                measured,
                false,
                found.ref());
    }

    private ClaimOutcome notTested(
            Claim claim, String claimed, String why, String command, ClaimOutcome.EvidenceRef ref) {
        return new ClaimOutcome(claim, ClaimVerdict.NOT_TESTED, null, claimed, why, command, ref, null);
    }

    private String roiCommand() {
        return "./mvnw verify -pl roi-calculator,reports -am" + in.claimsOption();
    }

    private String gateCommand(String gate) {
        return "./mvnw verify -Dgates=" + gate + in.claimsOption();
    }

    /** A gate's usable result, or why there is none. */
    private record Found(GateResult result, String key, String why) {
        ClaimOutcome.EvidenceRef ref() {
            return key == null ? null : new ClaimOutcome.GateRef(key);
        }
    }

    /** The default build's result of the gate, else relaygate's in a comparison build. */
    private Found find(String gate) {
        Optional<GateFile> file = file(gate).or(() -> file(GateFile.key("relaygate", gate)));
        if (file.isEmpty()) {
            boolean requested = in.manifest() instanceof Input.Present<GateManifest> m
                    && m.value().expectedKeys().stream()
                            .anyMatch(k -> k.equals(gate) || k.equals(GateFile.key("relaygate", gate)));
            return new Found(
                    null,
                    null,
                    requested
                            ? "gate " + gate + " was requested but wrote no result"
                            : "gate " + gate + " did not run in this build");
        }
        if (file.get() instanceof GateFile.Invalid invalid) {
            return new Found(
                    null,
                    invalid.key(),
                    "the result of " + gate + " is unreadable: " + String.join("; ", invalid.errors()));
        }
        GateFile.Valid valid = (GateFile.Valid) file.get();
        GateResult result = valid.result();
        String unusable = VerdictJudge.unusable(result, in.runId());
        if (unusable != null) {
            return new Found(null, valid.key(), "the result of " + gate + " cannot be used: " + unusable);
        }
        if (result.wasNotSupported()) {
            return new Found(
                    null,
                    valid.key(),
                    gate + " is not supported by " + result.relayName() + ": " + result.notSupported());
        }
        return new Found(result, valid.key(), null);
    }

    private Optional<GateFile> file(String key) {
        return in.gates().stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** The tally the banner and console show. */
    public static String tally(List<ClaimOutcome> outcomes) {
        List<String> parts = new ArrayList<>();
        for (ClaimVerdict verdict : ClaimVerdict.values()) {
            long n = outcomes.stream().filter(o -> o.verdict() == verdict).count();
            String label = verdict == ClaimVerdict.HOLDS && n != 1 ? "hold" : verdict.label();
            parts.add(n + " " + label);
        }
        return "Claims: " + String.join(", ", parts) + " (of " + outcomes.size() + ")";
    }
}
