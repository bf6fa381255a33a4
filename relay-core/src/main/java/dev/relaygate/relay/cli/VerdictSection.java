package dev.relaygate.relay.cli;

import static dev.relaygate.relay.cli.SummaryText.UNKNOWN;
import static dev.relaygate.relay.cli.SummaryText.count;
import static dev.relaygate.relay.cli.SummaryText.decimal;
import static dev.relaygate.relay.cli.SummaryText.instant;
import static dev.relaygate.relay.cli.SummaryText.millis;
import static dev.relaygate.relay.cli.SummaryText.percent;
import static dev.relaygate.relay.cli.SummaryText.scientific;
import static dev.relaygate.relay.cli.SummaryText.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Last verdict" section: the judge's decision, its reason, and each check's status and numbers, read from
 * {@code rollout.last_verdict} (a serialized {@code judge.Verdict}).
 */
final class VerdictSection {

    /** Check names (as in {@code breached_check}) and the verdict fields that hold their results. */
    private static final String[][] CHECKS = {
        {"error_rate", "error_rate"},
        {"latency_p99", "latency_p99"},
        {"latency_p99_difference", "p99_difference"},
        {"quality", "quality"}
    };

    /** Error causes as the judge's JSON names them, and as a person reads them. */
    private static final String[][] CAUSES = {
        {"status5xx", "5xx"},
        {"status429", "429"},
        {"timeouts", "timeouts"},
        {"upstream_errors", "connection failures"},
        {"aborted_streams", "streams cut short"}
    };

    private VerdictSection() {}

    static void write(SummaryText out, JsonNode verdict, Instant now) {
        out.section("Last verdict");
        if (!verdict.isObject()) {
            out.line("Decision", "none yet");
            return;
        }
        out.line("Decision", text(verdict.path("decision")));
        out.line("Reason", text(verdict.path("reason")));
        out.line("At", instant(verdict.path("at_millis"), now));
        long windowMs = verdict.path("window_end_millis").asLong()
                - verdict.path("window_start_millis").asLong();
        out.line(
                "Window",
                verdict.path("window_end_millis").isNumber()
                        ? SummaryText.format("%.1f s (%s)", windowMs / 1000.0, text(verdict.path("mode")))
                        : UNKNOWN);
        List<List<String>> rows = new ArrayList<>();
        for (String[] check : CHECKS) {
            JsonNode result = verdict.path(check[1]);
            if (result.isObject()) {
                rows.add(List.of(check[0], text(result.path("status")), numbers(check[0], result)));
            }
        }
        if (!rows.isEmpty()) {
            out.table(List.of("CHECK", "STATUS", "NUMBERS"), rows);
        }
    }

    /** The breaching check of a verdict with its numbers, e.g. for a rollback's evidence. */
    static String breach(JsonNode verdict) {
        String name = verdict.path("breached_check").asText("");
        for (String[] check : CHECKS) {
            if (check[0].equals(name) && verdict.path(check[1]).isObject()) {
                return name + ": " + numbers(name, verdict.path(check[1]));
            }
        }
        return text(verdict.path("reason"));
    }

    /** " (5xx 40, timeouts 8)": the non-zero causes, or nothing when the errors were not broken down. */
    private static String causes(JsonNode byCause) {
        StringBuilder out = new StringBuilder();
        for (String[] cause : CAUSES) {
            long n = byCause.path(cause[0]).asLong(0);
            if (n > 0) {
                out.append(out.isEmpty() ? " (" : ", ")
                        .append(cause[1])
                        .append(' ')
                        .append(n);
            }
        }
        return out.isEmpty() ? "" : out.append(')').toString();
    }

    /** One check's numbers in one line (the same figures as {@code CheckResult.numbers()}). */
    static String numbers(String check, JsonNode r) {
        return switch (check) {
            case "error_rate" ->
                "errors " + count(r.path("errors")) + "/" + count(r.path("samples")) + causes(r.path("errors_by_cause"))
                        + " = " + percent(r.path("error_rate")) + " vs " + percent(r.path("p1")) + " (blue "
                        + percent(r.path("blue_error_rate")) + " of " + count(r.path("blue_samples")) + "), llr "
                        + decimal(r.path("llr")) + ", breach llr " + decimal(r.path("breach_llr")) + ", bounds ["
                        + decimal(r.path("lower_bound")) + ", " + decimal(r.path("upper_bound")) + "]";
            case "latency_p99" ->
                "p99 " + millis(r.path("p99_ms")) + " ms vs " + count(r.path("threshold_ms"))
                        + " ms, " + count(r.path("above")) + " of " + count(r.path("samples")) + " above, p-value "
                        + scientific(r.path("p_value"));
            case "latency_p99_difference" ->
                "green p99 " + millis(r.path("green_p99_ms")) + " - blue p99 "
                        + millis(r.path("blue_p99_ms")) + " = " + millis(r.path("difference_ms")) + " ms vs "
                        + count(r.path("threshold_ms")) + " ms, U p-value " + scientific(r.path("p_value")) + " on "
                        + count(r.path("tested_samples")) + " values";
            default ->
                count(r.path("dissimilar")) + " of " + count(r.path("compared")) + " dissimilar = "
                        + percent(r.path("share")) + " vs " + percent(r.path("max_share")) + ", p-value "
                        + scientific(r.path("p_value"));
        };
    }
}
