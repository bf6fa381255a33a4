package dev.relaygate.relay.cli;

import static dev.relaygate.relay.cli.SummaryText.UNKNOWN;
import static dev.relaygate.relay.cli.SummaryText.count;
import static dev.relaygate.relay.cli.SummaryText.instant;
import static dev.relaygate.relay.cli.SummaryText.percent;
import static dev.relaygate.relay.cli.SummaryText.present;
import static dev.relaygate.relay.cli.SummaryText.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * {@code relaygate status} for people: the {@code GET /admin/status} document as a few aligned sections (Rollout,
 * Last verdict, Rollback, Environments, Cluster). Sections the document lacks (an older relay, a single node) are
 * left out or shown as {@value SummaryText#UNKNOWN}.
 *
 * <p>The weights shown are the ones requests are routed by: the {@code policy} section (or top-level
 * {@code weights}). The rollout section's weights are the controller's own and may differ (a traffic shift made
 * in STABLE), so they are never shown beside them.
 */
final class StatusSummary {

    private final JsonNode status;
    private final Instant now;
    private final SummaryText out = new SummaryText();

    private StatusSummary(JsonNode status, Instant now) {
        this.status = status;
        this.now = now;
    }

    /** The summary of one status document; {@code now} dates the ages ("12s ago"). */
    static String format(JsonNode status, Instant now) {
        StatusSummary s = new StatusSummary(status, now);
        s.rollout();
        VerdictSection.write(s.out, s.status.path("rollout").path("last_verdict"), now);
        s.rollback();
        StatusTables.environments(s.out, s.status);
        StatusTables.cluster(s.out, s.status.path("cluster"));
        return s.out.toString();
    }

    private void rollout() {
        JsonNode rollout = status.path("rollout");
        JsonNode policy = status.path("policy");
        out.section("Rollout");
        out.line("Phase", text(rollout.path("phase")));
        out.line("Step", step(rollout));
        out.line("Weights", weights(policy));
        out.line("Strategy", text(policy.path("strategy")));
        out.line("Shadow", shadow(policy.path("shadow"), status.path("shadow")));
        if (present(policy.path("version"))) {
            out.line(
                    "Policy",
                    "v" + count(policy.path("version")) + ", changed " + text(policy.path("changed_at")) + " by "
                            + text(policy.path("changed_by")));
        }
    }

    private static String step(JsonNode rollout) {
        String step = count(rollout.path("step"));
        JsonNode settings = rollout.path("settings");
        if (!settings.isObject() || !isStepped(text(rollout.path("phase")))) {
            return step;
        }
        return step + " (+" + count(settings.path("increment")) + "% per step, at least "
                + count(settings.path("interval_seconds")) + " s each)";
    }

    private static boolean isStepped(String phase) {
        return phase.equals("CANARY") || phase.equals("PROMOTED");
    }

    /** The routing weights in effect: the policy's, else the top-level {@code weights}. */
    private static String weights(JsonNode policy) {
        JsonNode blue = policy.path("blue_weight");
        JsonNode green = policy.path("green_weight");
        if (!blue.isNumber()) {
            // Older documents: the top-level weights are the policy's too.
            return UNKNOWN;
        }
        String weights = "blue " + blue.asInt() + "% / green " + green.asInt() + "%";
        return "shadow".equals(policy.path("strategy").asText())
                ? weights + " (strategy shadow: blue answers every request)"
                : weights;
    }

    private static String shadow(JsonNode on, JsonNode section) {
        if (!on.isBoolean()) {
            return UNKNOWN;
        }
        String state = on.asBoolean() ? "on" : "off";
        long compared = section.path("compared").asLong();
        if (compared <= 0) {
            return state;
        }
        return SummaryText.format(
                "%s: %d compared, %s dissimilar (%s), %s dropped",
                state,
                compared,
                count(section.path("dissimilar")),
                percent(section.path("dissimilar_share")),
                count(section.path("dropped")));
    }

    private void rollback() {
        JsonNode rollback = status.path("rollout").path("rollback");
        if (!rollback.isObject()) {
            return;
        }
        out.section("Rollback");
        out.line("At", instant(rollback.path("at_millis"), now));
        out.line("Trigger", rollback.path("automatic").asBoolean() ? "automatic (judge breach)" : "manual");
        out.line("Reason", text(rollback.path("reason")));
        out.line(
                "From",
                text(rollback.path("from_phase")) + " step " + count(rollback.path("from_step")) + ", green "
                        + count(rollback.path("from_green_weight")) + "%");
        JsonNode verdict = rollback.path("verdict");
        if (verdict.isObject()) {
            out.line("Evidence", VerdictSection.breach(verdict));
        }
    }
}
