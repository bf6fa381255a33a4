package dev.relaygate.mock.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaygate.mock.Profile;
import dev.relaygate.mock.ProfileSettings;
import java.util.Iterator;
import java.util.Set;

/** The admin API's snake_case JSON view of {@link ProfileSettings}. */
public final class ProfileJson {

    private static final Set<String> FIELDS = Set.of(
            "profile",
            "added_latency_ms",
            "error_percent",
            "time_to_first_event_ms",
            "gap_between_events_ms",
            "tokens_per_answer",
            "abort_after_events",
            "seed");

    private ProfileJson() {}

    public static ObjectNode toJson(ObjectMapper mapper, ProfileSettings s) {
        ObjectNode node = mapper.createObjectNode();
        node.put("profile", s.profile().cliName());
        node.put("added_latency_ms", s.addedLatencyMs());
        node.put("error_percent", s.errorPercent());
        node.put("time_to_first_event_ms", s.timeToFirstEventMs());
        node.put("gap_between_events_ms", s.gapBetweenEventsMs());
        node.put("tokens_per_answer", s.tokensPerAnswer());
        node.put("abort_after_events", s.abortAfterEvents());
        node.put("seed", s.seed());
        return node;
    }

    /** Applies the fields present in {@code body} over {@code base}; absent fields keep their value. */
    public static ProfileSettings merge(ProfileSettings base, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("field must be one of " + FIELDS + ", but was " + field);
            }
        }
        ProfileSettings s = base;
        if (body.has("profile")) {
            s = s.withProfile(Profile.parse(body.get("profile").asText()));
        }
        if (body.has("added_latency_ms")) {
            s = s.withAddedLatencyMs(intField(body, "added_latency_ms"));
        }
        if (body.has("error_percent")) {
            JsonNode v = body.get("error_percent");
            if (!v.isNumber()) {
                throw new IllegalArgumentException("error_percent must be a number, but was " + v);
            }
            s = s.withErrorPercent(v.asDouble());
        }
        if (body.has("time_to_first_event_ms")) {
            s = s.withTimeToFirstEventMs(intField(body, "time_to_first_event_ms"));
        }
        if (body.has("gap_between_events_ms")) {
            s = s.withGapBetweenEventsMs(intField(body, "gap_between_events_ms"));
        }
        if (body.has("tokens_per_answer")) {
            s = s.withTokensPerAnswer(intField(body, "tokens_per_answer"));
        }
        if (body.has("abort_after_events")) {
            s = s.withAbortAfterEvents(intField(body, "abort_after_events"));
        }
        if (body.has("seed")) {
            JsonNode v = body.get("seed");
            if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                throw new IllegalArgumentException("seed must be an integer, but was " + v);
            }
            s = s.withSeed(v.asLong());
        }
        return s;
    }

    private static int intField(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(field + " must be an integer, but was " + v);
        }
        return v.asInt();
    }
}
