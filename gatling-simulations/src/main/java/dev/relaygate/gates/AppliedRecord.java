package dev.relaygate.gates;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One cluster record version a fleet member applied to its router, as {@code GET /admin/cluster/applied}
 * lists it.
 *
 * @param version      the cluster record's version
 * @param appliedAtMs  wall-clock epoch ms at which the member's router started running on it
 * @param greenWeight  green's weight in that record (-1 when the member did not say)
 * @param phase        the rollout phase in that record ("" when the member did not say)
 */
public record AppliedRecord(long version, long appliedAtMs, int greenWeight, String phase) {

    /**
     * The {@code applied} array of a {@code /admin/cluster/applied} answer in the order the member applied
     * the records (by {@code applied_at_ms}, ties kept as listed), not by version: a member that re-applies
     * an older record (a merge going back to a CANARY record after a rollback) must show up as doing so.
     */
    public static List<AppliedRecord> parse(JsonNode body) {
        JsonNode array = body.path("applied");
        if (!array.isArray()) {
            throw new IllegalStateException("cluster/applied answered without an 'applied' array: " + body);
        }
        List<AppliedRecord> out = new ArrayList<>();
        array.forEach(n -> out.add(new AppliedRecord(
                n.path("version").asLong(-1),
                n.path("applied_at_ms").asLong(-1),
                n.path("green_weight").asInt(-1),
                n.path("phase").asText(""))));
        out.sort(Comparator.comparingLong(AppliedRecord::appliedAtMs));
        return List.copyOf(out);
    }

    public boolean rolledBack() {
        return "ROLLED_BACK".equalsIgnoreCase(phase);
    }
}
