package dev.relaygate.roi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.roi.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

final class RoiCommandTest {
    private static final Path EXAMPLE = Path.of("../examples/usage.yaml");

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RoiCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void aBuildsRunIdIsWrittenIntoTheJsonSoTheReportCanRejectAStaleResult(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("roi.json");
        Run run = run(
                "--usage",
                EXAMPLE.toString(),
                "--format",
                "json",
                "--out",
                out.toString(),
                "--run-id",
                "20261204T070000.000Z");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(new ObjectMapper()
                        .readTree(Files.readString(out))
                        .path("run_id")
                        .asText())
                .isEqualTo("20261204T070000.000Z");
    }

    @Test
    void jsonOutputKeepsTheContractFieldNames(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("roi/roi.json");
        Run run = run("--usage", EXAMPLE.toString(), "--format", "json", "--out", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(Files.readString(out));
        assertThat(names(root))
                .contains(
                        "schema_version",
                        "generated_at",
                        "currency",
                        "usage_file",
                        "relay_pricing",
                        "models",
                        "totals",
                        "migration",
                        "payback_months",
                        "payback",
                        "break_even",
                        "projection",
                        "uncertainty",
                        "sensitivity");
        JsonNode model = root.get("models").get(0);
        assertThat(names(model))
                .contains(
                        "model",
                        "provider",
                        "monthly_tokens_mtok",
                        "direct_monthly",
                        "relay_monthly",
                        "savings_monthly",
                        "savings_pct",
                        "advice",
                        "pricing_rules",
                        "breakdown",
                        "price_source");
        assertThat(names(model.get("monthly_tokens_mtok")))
                .containsExactly("input", "cached_input", "cache_write", "output", "total");
        assertThat(names(model.get("pricing_rules"))).containsExactly("input", "cached_input", "cache_write", "output");
        assertThat(names(model.get("breakdown").get(0)))
                .contains(
                        "kind", "mtok", "direct_per_mtok", "direct_cost", "relay_per_mtok", "relay_cost", "relay_rule");
        assertThat(names(model.get("price_source"))).contains("url", "as_of");
        assertThat(names(root.get("totals")))
                .contains(
                        "direct_monthly",
                        "relay_monthly",
                        "savings_monthly",
                        "savings_pct",
                        "direct_yearly",
                        "relay_yearly",
                        "savings_yearly",
                        "horizon_months",
                        "horizon_savings");
        assertThat(names(root.get("migration"))).contains("cost", "engineering_hours", "hourly_rate");
        assertThat(names(root.get("break_even"))).contains("volume_factor", "monthly_mtok");
        assertThat(names(root.get("projection").get(0)))
                .contains("month", "direct", "relay", "savings", "cumulative_savings", "net_of_migration");
        assertThat(names(root.get("uncertainty"))).contains("trials", "seed", "horizon_savings", "payback_months");
        assertThat(names(root.get("uncertainty").get("horizon_savings"))).containsExactly("p10", "p50", "p90");
        assertThat(names(root.get("sensitivity").get(0)))
                .contains("input", "low", "high", "horizon_savings_low", "horizon_savings_high");
        assertThat(root.get("relay_pricing").get("pricing").asText()).isEqualTo("flat");
        assertThat(root.get("models")).hasSize(4);
    }

    @Test
    void everyModelsBreakdownAddsUpToItsMonthlyCosts(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("roi.json");
        assertThat(run("--usage", EXAMPLE.toString(), "--format", "json", "--out", out.toString())
                        .exit())
                .isZero();
        JsonNode root = new ObjectMapper().readTree(Files.readString(out));
        double directTotal = 0;
        for (JsonNode model : root.get("models")) {
            double direct = 0;
            double relay = 0;
            for (JsonNode row : model.get("breakdown")) {
                assertThat(row.get("direct_cost").asDouble())
                        .isEqualTo(row.get("mtok").asDouble()
                                * row.get("direct_per_mtok").asDouble());
                direct += row.get("direct_cost").asDouble();
                relay += row.get("relay_cost").asDouble();
            }
            assertThat(model.get("direct_monthly").asDouble()).isEqualTo(direct);
            assertThat(model.get("relay_monthly").asDouble()).isEqualTo(relay);
            directTotal += direct;
        }
        assertThat(root.get("totals").get("direct_monthly").asDouble()).isEqualTo(directTotal);
    }

    @Test
    void theSameSeedGivesTheSameJsonApartFromTheTimestamp() {
        String a = run("--usage", EXAMPLE.toString(), "--format", "json").out();
        String b = run("--usage", EXAMPLE.toString(), "--format", "json").out();
        assertThat(a.replaceAll("\"generated_at\" : \"[^\"]+\"", ""))
                .isEqualTo(b.replaceAll("\"generated_at\" : \"[^\"]+\"", ""));
    }

    @Test
    void tableAndCsvEndTheModelRowsWithAnOverallTotal() {
        Run table = run("--usage", EXAMPLE.toString());
        assertThat(table.exit()).isZero();
        assertThat(table.out()).contains("MODEL", "ADVICE", "claude-sonnet-4.5", "OVERALL TOTAL", "Payback:");
        Run csv = run("--usage", EXAMPLE.toString(), "--format", "CSV");
        String[] lines = csv.out().split("\n");
        assertThat(lines[0]).isEqualTo(dev.relaygate.roi.report.CsvFormat.HEADER);
        assertThat(lines).hasSize(6);
        assertThat(lines[5]).startsWith("OVERALL TOTAL,");
        // gpt-4.1 from the example: 122.50 direct, 35.00 relay, 87.50 saved
        assertThat(lines[1]).isEqualTo("gpt-4.1,openai,20,5,0,10,35,122.50,35.00,87.50,71.4,relay");
    }

    @Test
    void aPricesFileReplacesBundledPrices(@TempDir Path dir) throws Exception {
        Path prices = dir.resolve("prices.json");
        Files.writeString(
                prices,
                "{\"models\":[{\"model\":\"gpt-4.1\",\"provider\":\"openai\",\"input_per_mtok\":1,"
                        + "\"output_per_mtok\":1,\"source_url\":\"https://example.test\",\"as_of\":\"2026-01-01\"}]}");
        Path usage = Fixtures.write(Fixtures.usage("relay: {pricing: flat, flat_per_mtok: 0.5}\nmodels:\n"
                + "  - {model: gpt-4.1, monthly_input_mtok: 10, monthly_output_mtok: 10}\n"));
        Run csv = run("--usage", usage.toString(), "--format", "csv", "--prices", prices.toString());
        assertThat(csv.exit()).as(csv.err()).isZero();
        // 10 x 1 + 10 x 1 = 20 direct; 20 x 0.5 = 10 relay
        assertThat(csv.out().split("\n")[1]).isEqualTo("gpt-4.1,openai,10,0,0,10,20,20.00,10.00,10.00,50.0,relay");
    }

    @Test
    void theLiteLlmOptionImportsAPriceFile() throws Exception {
        Path fixture = Path.of(
                RoiCommandTest.class.getResource("/litellm-fixture.json").toURI());
        Path usage = Fixtures.write(Fixtures.usage("relay: {pricing: flat, flat_per_mtok: 0.1}\nmodels:\n"
                + "  - {model: acme-tiny, monthly_input_mtok: 10, monthly_output_mtok: 10}\n"));
        Run csv = run("--usage", usage.toString(), "--format", "csv", "--litellm-prices", fixture.toString());
        assertThat(csv.exit()).as(csv.err()).isZero();
        // 10 x 0.10 + 10 x 0.40 = 5.00 direct; 20 x 0.1 = 2.00 relay
        assertThat(csv.out().split("\n")[1]).isEqualTo("acme-tiny,acme,10,0,0,10,20,5.00,2.00,3.00,60.0,relay");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--usage=missing.yaml", "--prices=missing.json", "--litellm-prices=missing.json"})
    void aMissingFileExitsWithCodeTwoAndNamesIt(String option) {
        List<String> args = new ArrayList<>(List.of(option));
        if (!option.startsWith("--usage")) {
            args.add("--usage=" + EXAMPLE);
        }
        Run run = run(args.toArray(String[]::new));
        assertThat(run.exit()).isEqualTo(RoiCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("missing.").contains("does not exist");
    }

    @Test
    void aBadUsageFileExitsWithCodeTwoAndTheValidationMessage() {
        Path usage = Fixtures.write(Fixtures.usage("relay: {pricing: flat, flat_per_mtok: 1}\nmodels:\n"
                + "  - {model: gpt-4.1, monthly_input_mtok: -1, monthly_output_mtok: 1}\n"));
        Run run = run("--usage", usage.toString());
        assertThat(run.exit()).isEqualTo(RoiCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("models[0].monthly_input_mtok must be a finite number >= 0, but was -1.0");
    }

    @Test
    void theRequestLogBecomesAUsageFileThatTheLoaderReadsBack(@TempDir Path dir) throws Exception {
        Path log = Files.createDirectories(dir.resolve("log"));
        dev.relaygate.roi.observed.RequestLogReaderTest.writeTwoHoursOfTraffic(log);
        Path written = dir.resolve("observed.yaml");

        Run run = run("--from-request-log", log.toString(), "--write-usage", written.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err())
                .contains("scaled x360 to 30 days")
                .contains("shadow copies left out of the volumes: 2")
                .contains("unreadable lines: 1 (requests-2026-12-01-10.jsonl:3 not JSON)")
                .contains("bundled defaults")
                .contains("wrote " + written.toAbsolutePath());
        String yaml = Files.readString(written);
        assertThat(yaml)
                .contains(
                        "# window: 2026-12-01T10:00:00Z to 2026-12-01T12:00:00Z (2.00 h), every volume x360 to 30 days")
                .contains("# shadow copies left out: 2; unreadable lines: 1")
                .contains("cache writes are not in the log");
        dev.relaygate.roi.usage.Scenario scenario =
                dev.relaygate.roi.usage.UsageLoader.load(written, dev.relaygate.roi.pricing.PriceCatalog.bundled());
        // gpt-4.1 from the fixture: 0.72 uncached, 0.36 cached, 0.18 output Mtok a month
        dev.relaygate.roi.usage.Scenario.ModelLine gpt = scenario.models().stream()
                .filter(m -> m.model().equals("gpt-4.1"))
                .findFirst()
                .orElseThrow();
        assertThat(gpt.kinds())
                .extracting(dev.relaygate.roi.usage.Scenario.PricedKind::mtok)
                .containsExactly(0.72, 0.36, 0.0, 0.18);
        assertThat(scenario.relayPricing().pricing()).isEqualTo("flat");
        assertThat(scenario.months()).isEqualTo(12);
    }

    @Test
    void aDirectRunFromTheRequestLogPrintsTheRoiTableWithTheTemplatesPricing(@TempDir Path dir) throws Exception {
        Path log = Files.createDirectories(dir.resolve("log"));
        dev.relaygate.roi.observed.RequestLogReaderTest.writeTwoHoursOfTraffic(log);
        Path template = dir.resolve("template.yaml");
        Files.writeString(
                template,
                Fixtures.usage("relay: {pricing: multiplier, multiplier: 0.5}\nmodels:\n" + Fixtures.gpt41("")));

        Run run = run("--from-request-log", log.toString(), "--usage", template.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("its models are replaced by the observed ones");
        assertThat(run.out()).contains("gpt-4.1").contains("claude-sonnet-4.5").contains("OVERALL TOTAL");
        assertThat(run.out()).doesNotContain("gemini");
    }

    @Test
    void anOpenAiExportRunsTheSameWay() throws Exception {
        Path export = Path.of(
                RoiCommandTest.class.getResource("/observed/openai-usage.json").toURI());

        Run run = run("--from-openai-usage", export.toString(), "--format", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode models = new ObjectMapper().readTree(run.out()).path("models");
        assertThat(models).hasSize(2);
        // 5 M uncached gpt-4.1 tokens over two days: 75 Mtok a month
        assertThat(models.get(0).path("monthly_tokens_mtok").path("input").asDouble())
                .isEqualTo(75.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"both", "none", "write-only"})
    void volumesComeFromExactlyOneSource(String which, @TempDir Path dir) throws Exception {
        Path export = Path.of(
                RoiCommandTest.class.getResource("/observed/openai-usage.json").toURI());
        String[] args = switch (which) {
            case "both" ->
                new String[] {"--from-request-log", dir.toString(), "--from-openai-usage", export.toString()};
            case "none" -> new String[] {"--format", "json"};
            default ->
                new String[] {
                    "--usage",
                    EXAMPLE.toString(),
                    "--write-usage",
                    dir.resolve("x.yaml").toString()
                };
        };

        Run run = run(args);

        assertThat(run.exit()).isEqualTo(RoiCommand.EXIT_BAD_INPUT);
        assertThat(run.err())
                .containsAnyOf(
                        "give one of --from-request-log and --from-openai-usage, not both",
                        "give --usage FILE, or derive the volumes with --from-request-log DIR or --from-openai-usage FILE",
                        "--write-usage needs --from-request-log or --from-openai-usage");
    }
}
