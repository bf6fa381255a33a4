package dev.relaygate.roi.cli;

import dev.relaygate.roi.RoiInputException;
import dev.relaygate.roi.calc.RoiCalculator;
import dev.relaygate.roi.pricing.LiteLlmImporter;
import dev.relaygate.roi.pricing.PriceCatalog;
import dev.relaygate.roi.report.CsvFormat;
import dev.relaygate.roi.report.JsonFormat;
import dev.relaygate.roi.report.RoiReport;
import dev.relaygate.roi.report.TableFormat;
import dev.relaygate.roi.usage.Scenario;
import dev.relaygate.roi.usage.UsageLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code roi --usage FILE [--format table|json|csv] [--out FILE] [--prices FILE] [--litellm-prices FILE]}. */
@Command(
        name = "roi",
        mixinStandardHelpOptions = true,
        version = "relaygate roi-calculator 0.1.0",
        description = "Per-model cost of going through an LLM relay versus direct: savings, payback, "
                + "break-even volume and Monte Carlo bands.")
public final class RoiCommand implements Callable<Integer> {
    /** Exit code for bad input (usage file, price files, options). */
    public static final int EXIT_BAD_INPUT = 2;

    /** Output formats. */
    public enum Format {
        table,
        json,
        csv
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--usage", required = true, paramLabel = "FILE", description = "usage file (YAML or JSON)")
    Path usage;

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
            err.println("roi: " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println("roi: --out " + out + " could not be written: " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        } finally {
            err.flush();
        }
    }

    private Scenario scenario() {
        PriceCatalog catalog = PriceCatalog.bundled();
        if (litellmPrices != null) {
            catalog = catalog.overlay(LiteLlmImporter.read(litellmPrices));
        }
        if (prices != null) {
            catalog = catalog.overlay(PriceCatalog.readFile(prices));
        }
        return UsageLoader.load(usage, catalog);
    }

    private String render(RoiReport report) {
        return switch (format) {
            case json -> JsonFormat.write(report);
            case csv -> CsvFormat.write(report);
            case table -> TableFormat.write(report);
        };
    }
}
