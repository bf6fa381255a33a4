package dev.relaygate.roi.cli;

import dev.relaygate.roi.RoiInputException;
import dev.relaygate.roi.calc.RoiCalculator;
import dev.relaygate.roi.io.StrictReader;
import dev.relaygate.roi.observed.ObservedText;
import dev.relaygate.roi.observed.ObservedUsage;
import dev.relaygate.roi.observed.OpenAiUsageExport;
import dev.relaygate.roi.observed.RequestLogReader;
import dev.relaygate.roi.observed.UsageFileWriter;
import dev.relaygate.roi.pricing.LiteLlmImporter;
import dev.relaygate.roi.pricing.PriceCatalog;
import dev.relaygate.roi.report.CsvFormat;
import dev.relaygate.roi.report.JsonFormat;
import dev.relaygate.roi.report.RoiReport;
import dev.relaygate.roi.report.TableFormat;
import dev.relaygate.roi.usage.Scenario;
import dev.relaygate.roi.usage.UsageFile;
import dev.relaygate.roi.usage.UsageLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code roi --usage FILE [--format table|json|csv] [--out FILE] [--prices FILE] [--litellm-prices FILE]}, or
 * the volumes observed in relaygate's request log ({@code --from-request-log DIR...}) or an OpenAI usage
 * export ({@code --from-openai-usage FILE}), scaled to a month, with {@code --usage} then the template for
 * every other section and {@code --write-usage FILE} to save the derived usage file instead of computing.
 */
@Command(
        name = "roi",
        mixinStandardHelpOptions = true,
        version = "relaygate roi-calculator 0.1.0",
        description = "Per-model cost of going through an LLM relay versus direct: savings, payback, "
                + "break-even volume and Monte Carlo bands.")
public final class RoiCommand implements Callable<Integer> {
    /** Exit code for bad input (usage file, price files, options). */
    public static final int EXIT_BAD_INPUT = 2;

    private static final String TEMPLATE = "/dev/relaygate/roi/observed/template.yaml";

    /** Output formats. */
    public enum Format {
        table,
        json,
        csv
    }

    @Spec
    CommandSpec spec;

    @Option(
            names = "--usage",
            paramLabel = "FILE",
            description = "usage file (YAML or JSON); with --from-request-log or --from-openai-usage, the template"
                    + " for every section but models")
    Path usage;

    @Option(
            names = "--from-request-log",
            arity = "1..*",
            paramLabel = "DIR",
            description = "derive monthly volumes per model from relaygate's request log in DIR (all its"
                    + " requests-*.jsonl files; several folders for a fleet), scaled from the observed window to"
                    + " 30 days; shadow copies are left out")
    List<Path> fromRequestLog;

    @Option(
            names = "--from-openai-usage",
            paramLabel = "FILE",
            description = "derive monthly volumes per model from a saved OpenAI organization usage export"
                    + " (/v1/organization/usage/completions grouped by model), scaled to 30 days")
    Path fromOpenAiUsage;

    @Option(
            names = "--write-usage",
            paramLabel = "FILE",
            description = "with --from-*: write the derived usage file (commented) to FILE for you to edit, instead"
                    + " of computing")
    Path writeUsage;

    @Option(
            names = "--format",
            defaultValue = "table",
            paramLabel = "FORMAT",
            description = "table, json or csv (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path out;

    @Option(
            names = "--run-id",
            paramLabel = "ID",
            description = "the build's run id, written into the JSON so the report accepts only this build's result")
    String runId;

    @Option(
            names = "--prices",
            paramLabel = "FILE",
            description = "price catalog JSON (bundled format); its entries replace the bundled ones")
    Path prices;

    @Option(
            names = "--litellm-prices",
            paramLabel = "FILE",
            description = "LiteLLM model_prices_and_context_window.json; overrides bundled entries, "
                    + "overridden by --prices")
    Path litellmPrices;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line (tests call {@code execute} on it). */
    public static CommandLine commandLine() {
        return new CommandLine(new RoiCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Optional<ObservedUsage> observed = observed();
            if (observed.isPresent()) {
                err.print(ObservedText.summary(observed.get()));
                Path written = writeDerivedUsage(observed.get(), err);
                if (writeUsage != null) {
                    err.println("roi: wrote " + written.toAbsolutePath() + "; compute with --usage " + written);
                    return CommandLine.ExitCode.OK;
                }
                usage = written;
            }
            Scenario scenario = scenario();
            long start = System.nanoTime();
            RoiReport report = RoiCalculator.calculate(scenario, Instant.now()).withRunId(runId);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            String text = render(report);
            if (out == null) {
                spec.commandLine().getOut().print(text);
                spec.commandLine().getOut().flush();
            } else {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(out, text, StandardCharsets.UTF_8);
                err.println("roi: wrote " + out.toAbsolutePath() + " ("
                        + scenario.models().size() + " models, "
                        + scenario.uncertainty().trials() + " Monte Carlo trials, calculated in " + elapsedMs + " ms)");
            }
            return CommandLine.ExitCode.OK;
        } catch (RoiInputException e) {
            err.println("roi: " + e.getMessage()
                    + (derivedTemp != null
                            ? " (save the derived usage file with --write-usage FILE, edit it, then run --usage FILE)"
                            : ""));
            return EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println("roi: --out " + out + " could not be written: " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        } finally {
            if (derivedTemp != null) {
                derivedTemp.toFile().delete();
            }
            err.flush();
        }
    }

    private Path derivedTemp;

    /** The volumes observed by a --from-* option, checked to cover at least an hour; empty for --usage alone. */
    private Optional<ObservedUsage> observed() {
        boolean log = fromRequestLog != null && !fromRequestLog.isEmpty();
        boolean openAi = fromOpenAiUsage != null;
        if (log && openAi) {
            throw new RoiInputException("give one of --from-request-log and --from-openai-usage, not both");
        }
        if (!log && !openAi) {
            if (writeUsage != null) {
                throw new RoiInputException("--write-usage needs --from-request-log or --from-openai-usage");
            }
            if (usage == null) {
                throw new RoiInputException(
                        "give --usage FILE, or derive the volumes with --from-request-log DIR or --from-openai-usage FILE");
            }
            return Optional.empty();
        }
        ObservedUsage observed = log ? RequestLogReader.read(fromRequestLog) : OpenAiUsageExport.read(fromOpenAiUsage);
        return Optional.of(observed.requireProjectable());
    }

    /** Writes the derived usage file (to --write-usage, or a temporary file to compute from) and returns it. */
    private Path writeDerivedUsage(ObservedUsage observed, PrintWriter err) {
        try {
            return writeDerivedUsageFile(observed, err);
        } catch (IOException e) {
            throw new RoiInputException(
                    (writeUsage == null ? "a temporary usage file" : "--write-usage " + writeUsage)
                            + " could not be written: " + e.getMessage(),
                    e);
        }
    }

    private Path writeDerivedUsageFile(ObservedUsage observed, PrintWriter err) throws IOException {
        UsageFile template;
        String templateName;
        if (usage != null) {
            template = StrictReader.read(usage, UsageFile.class, "usage file");
            templateName = usage.toString();
            err.println("roi: every section but models comes from " + usage + "; its models are replaced by the"
                    + " observed ones");
        } else {
            try (InputStream in = RoiCommand.class.getResourceAsStream(TEMPLATE)) {
                template = StrictReader.readYaml(in, UsageFile.class, "bundled template");
            }
            templateName = "the bundled defaults (examples/usage.yaml's pricing, migration, projection)";
            err.println("roi: relay pricing, migration, projection and uncertainty are the bundled defaults (flat"
                    + " 1.00/Mtok, 60 h x 150, 12 months at +2 %/month): pass --usage FILE as a template, or edit"
                    + " the file --write-usage writes");
        }
        String yaml = UsageFileWriter.write(observed, template, templateName, catalog());
        Path target = writeUsage;
        if (target == null) {
            derivedTemp = Files.createTempFile("relaygate-observed-usage", ".yaml");
            target = derivedTemp;
        } else if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        Files.writeString(target, yaml, StandardCharsets.UTF_8);
        return target;
    }

    private PriceCatalog catalog() {
        PriceCatalog catalog = PriceCatalog.bundled();
        if (litellmPrices != null) {
            catalog = catalog.overlay(LiteLlmImporter.read(litellmPrices));
        }
        if (prices != null) {
            catalog = catalog.overlay(PriceCatalog.readFile(prices));
        }
        return catalog;
    }

    private Scenario scenario() {
        return UsageLoader.load(usage, catalog());
    }

    private String render(RoiReport report) {
        return switch (format) {
            case json -> JsonFormat.write(report);
            case csv -> CsvFormat.write(report);
            case table -> TableFormat.write(report);
        };
    }
}
