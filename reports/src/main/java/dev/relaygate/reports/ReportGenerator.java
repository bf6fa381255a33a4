package dev.relaygate.reports;

import dev.relaygate.reports.claims.ClaimJudge;
import dev.relaygate.reports.claims.ClaimOutcome;
import dev.relaygate.reports.claims.ClaimsFile;
import dev.relaygate.reports.claims.ClaimsFileException;
import dev.relaygate.reports.claims.ClaimsLoader;
import dev.relaygate.reports.claims.GateFigures;
import dev.relaygate.reports.claims.RoiScenarios;
import dev.relaygate.reports.claims.Scorecard;
import dev.relaygate.reports.input.GateFile;
import dev.relaygate.reports.input.GateLoader;
import dev.relaygate.reports.input.GateManifest;
import dev.relaygate.reports.input.GateSchema;
import dev.relaygate.reports.input.GatlingRuns;
import dev.relaygate.reports.input.Input;
import dev.relaygate.reports.input.JmhBenchmark;
import dev.relaygate.reports.input.JmhGateResult;
import dev.relaygate.reports.input.JmhLoader;
import dev.relaygate.reports.input.RoiLoader;
import dev.relaygate.reports.input.RoiResult;
import dev.relaygate.reports.page.PageBuilder;
import dev.relaygate.reports.page.ReportPage;
import dev.relaygate.reports.page.ReportRenderer;
import dev.relaygate.reports.verdict.Verdict;
import dev.relaygate.reports.verdict.VerdictInputs;
import dev.relaygate.reports.verdict.VerdictJudge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Reads every input, judges them, renders the page and writes {@code <out>/index.html}. */
public final class ReportGenerator {

    private final GateLoader gateLoader = new GateLoader(GateSchema.load());
    private final ReportRenderer renderer = new ReportRenderer();
    private final ZoneId gatlingZone;

    /** Reads Gatling's run-folder stamps in this JVM's default zone, as Gatling writes them. */
    public ReportGenerator() {
        this(ZoneId.systemDefault());
    }

    public ReportGenerator(ZoneId gatlingZone) {
        this.gatlingZone = gatlingZone;
    }

    public ReportOutcome generate(ReportInputs inputs, Instant now) throws IOException {
        Input<GateManifest> manifest = GateManifest.load(inputs.gatesDir());
        Input<List<GateFile>> gates = gateLoader.load(inputs.gatesDir());
        Input<List<JmhBenchmark>> jmh = JmhLoader.results(inputs.jmhResult());
        Input<JmhGateResult> jmhGate = JmhLoader.gate(inputs.jmhGate());
        Input<RoiResult> roi = RoiLoader.load(inputs.roi());

        Verdict verdict = VerdictJudge.judge(new VerdictInputs(
                inputs.runId(), manifest, gates, jmh, JmhLoader.sha256(inputs.jmhResult()), jmhGate, roi));
        Scorecard scorecard = scorecard(inputs, manifest, gates, roi, verdict.runId(), now);
        GatlingRuns runs = new GatlingRuns(inputs.gatlingDir(), gatlingZone, GatlingRuns.DEFAULT_SLACK);
        ReportPage page = new PageBuilder(inputs.outDir(), runs)
                .build(verdict, scorecard, manifest, gates, jmh, jmhGate, roi, now.truncatedTo(ChronoUnit.SECONDS));
        String html = renderer.render(page);

        Files.createDirectories(inputs.outDir());
        Path index = inputs.outDir().resolve("index.html");
        // write then move, so a reader never sees half a page
        Path partial = inputs.outDir().resolve("index.html.partial");
        Files.writeString(partial, html, StandardCharsets.UTF_8);
        Files.move(partial, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new ReportOutcome(index, verdict, scorecard);
    }

    /**
     * Judges the claims file on this build's evidence. A missing example file leaves the scorecard out; a
     * file the user named that is missing or wrong is shown with its errors (and fails the build after the
     * report is written), never silently skipped.
     */
    private static Scorecard scorecard(
            ReportInputs inputs,
            Input<GateManifest> manifest,
            Input<List<GateFile>> gates,
            Input<RoiResult> roi,
            String runId,
            Instant now)
            throws IOException {
        Path file = inputs.claims();
        if (file == null || (!Files.exists(file) && inputs.claimsOption().isEmpty())) {
            return new Scorecard.NoFile(file);
        }
        if (!Files.isRegularFile(file)) {
            return new Scorecard.Invalid(file, List.of("the claims file " + file + " does not exist"));
        }
        try {
            ClaimsFile claims = new ClaimsLoader(GateFigures.bundled()).load(file);
            Map<Path, RoiResult> scenarios =
                    RoiScenarios.compute(claims, inputs.outDir().resolve("claims"), now);
            List<GateFile> files = gates instanceof Input.Present<List<GateFile>> present ? present.value() : List.of();
            List<ClaimOutcome> outcomes = new ClaimJudge(
                            new ClaimJudge.Evidence(manifest, files, runId, roi, scenarios, inputs.claimsOption()))
                    .judge(claims);
            return new Scorecard.Judged(file, outcomes, scenarios);
        } catch (ClaimsFileException e) {
            return new Scorecard.Invalid(file, e.errors());
        }
    }
}
