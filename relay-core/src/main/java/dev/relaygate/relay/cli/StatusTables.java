package dev.relaygate.relay.cli;

import static dev.relaygate.relay.cli.SummaryText.UNKNOWN;
import static dev.relaygate.relay.cli.SummaryText.count;
import static dev.relaygate.relay.cli.SummaryText.millis;
import static dev.relaygate.relay.cli.SummaryText.percent;
import static dev.relaygate.relay.cli.SummaryText.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The tabular sections of {@code relaygate status}: Environments (with cost) and Cluster. */
final class StatusTables {

    private StatusTables() {}

    /** One row per environment: traffic, errors and latency since start, and cost from the {@code cost} section. */
    static void environments(SummaryText out, JsonNode status) {
        JsonNode environments = status.path("environments");
        if (!environments.isObject()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = environments.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode env = e.getValue();
            boolean served = env.path("counts").path("requests").asLong() > 0;
            JsonNode latency = env.path("latency_ms");
            boolean timed = latency.path("samples").asLong() > 0;
            rows.add(List.of(
                    e.getKey(),
                    text(env.path("name")),
                    count(env.path("counts").path("requests")),
                    served ? percent(env.path("error_rate")) : UNKNOWN,
                    timed ? millis(latency.path("p50")) : UNKNOWN,
                    timed ? millis(latency.path("p99")) : UNKNOWN,
                    costPer1000(status.path("cost").path(e.getKey()))));
        }
        out.section("Environments");
        out.table(
                List.of("ROLE", "NAME", "REQUESTS", "ERRORS", "P50 MS", "P99 MS", "COST/1K REQ"), rows, 2, 3, 4, 5, 6);
    }

    /** USD per 1,000 priced requests; unknown before any request was priced (no price for its model, old relay). */
    private static String costPer1000(JsonNode cost) {
        JsonNode value = cost.path("cost_per_1000_requests_usd");
        if (!value.isNumber() || cost.path("priced_requests").asLong() <= 0) {
            return UNKNOWN;
        }
        return SummaryText.format("$%.4f", value.asDouble());
    }

    /** The fleet: who leads, which record version each member runs, who is left out of the judge's window. */
    static void cluster(SummaryText out, JsonNode cluster) {
        if (!cluster.isObject()) {
            return;
        }
        String self = text(cluster.path("member_id"));
        out.section("Cluster");
        out.line("Name", text(cluster.path("name")));
        out.line(
                "This member",
                self
                        + (cluster.path("is_leader").asBoolean()
                                ? " (leader)"
                                : ", leader " + text(cluster.path("leader"))));
        out.line(
                "Connection",
                cluster.path("connected").asBoolean(true)
                        ? "connected"
                        : "unreachable: serving last applied policy (v" + count(cluster.path("applied_version")) + ")");
        out.line(
                "Versions",
                "record v" + count(cluster.path("record_version")) + ", applied v"
                        + count(cluster.path("applied_version")));
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode m : cluster.path("members")) {
            String id = text(m.path("id"));
            rows.add(List.of(
                    id.equals(self) ? id + " (this)" : id,
                    m.path("leader").asBoolean() ? "leader" : "",
                    m.path("applied_version").isNumber() ? "v" + count(m.path("applied_version")) : UNKNOWN,
                    count(m.path("lag_versions")),
                    reporting(m.path("reporting")),
                    count(m.path("last_report_age_ms"))));
        }
        if (!rows.isEmpty()) {
            out.table(List.of("MEMBER", "ROLE", "APPLIED", "LAG", "REPORTING", "LAST REPORT MS"), rows, 3, 5);
        }
        List<String> excluded = new ArrayList<>();
        cluster.path("excluded").forEach(x -> excluded.add(x.asText()));
        out.line("Excluded", excluded.isEmpty() ? "none" : String.join(", ", excluded));
    }

    private static String reporting(JsonNode reporting) {
        if (!reporting.isBoolean()) {
            return UNKNOWN;
        }
        return reporting.asBoolean() ? "yes" : "no (excluded)";
    }
}
