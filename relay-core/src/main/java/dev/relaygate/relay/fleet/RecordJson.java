package dev.relaygate.relay.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.relaygate.relay.config.TrafficShiftSettings;
import dev.relaygate.relay.judge.CanaryJudge;
import dev.relaygate.relay.judge.JudgeMode;
import dev.relaygate.relay.judge.Verdict;
import dev.relaygate.relay.judge.WindowBuffer;
import dev.relaygate.relay.rollout.Phase;
import dev.relaygate.relay.rollout.RollbackEvidence;
import dev.relaygate.relay.rollout.RolloutState;
import java.io.UncheckedIOException;

/**
 * The JSON form of what members share. Lenient on read (a member of a newer build may add fields), and
 * able to carry the judge's NaN figures (a p-value over no samples) both ways.
 */
final class RecordJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    private RecordJson() {}

    /**
     * Writes and reads a record shaped like a rollback's (evidence with the judge's full verdict) once, when the
     * member starts: the first rollback of its life must not pay Jackson's introspection of those types (tens of
     * ms on a busy machine) between the verdict and the commit that carries it to the other members.
     *
     * @param seed a record of this member (its routing and roles fill the sample)
     */
    static void warmUp(ClusterRecord seed, long nowMillis) {
        TrafficShiftSettings settings = TrafficShiftSettings.defaults();
        Verdict verdict = new CanaryJudge(settings.validationThreshold())
                .judge(new WindowBuffer().window(nowMillis), JudgeMode.CANARY, nowMillis);
        RolloutState rolledBack = RolloutState.stable(nowMillis)
                .withFirstStep(settings, nowMillis)
                .withRollback(
                        new RollbackEvidence(
                                nowMillis, true, "serializer warm-up", verdict, Phase.CANARY, 1, settings.increment()),
                        nowMillis);
        ClusterRecord sample =
                new ClusterRecord(0, 1, rolledBack, seed.routing(), seed.roles(), seed.changedBy(), nowMillis);
        read(write(sample), ClusterRecord.class);
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(
                    "cannot read the fleet's " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
