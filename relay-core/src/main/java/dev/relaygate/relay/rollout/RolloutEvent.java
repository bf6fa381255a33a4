package dev.relaygate.relay.rollout;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.relaygate.relay.judge.Verdict;

/**
 * One entry of the rollout timeline (admin API and JSONL).
 *
 * @param tMillis  wall-clock time of the event
 * @param verdict  the judge's verdict with all its numbers, when one caused or accompanies the event
 */
public record RolloutEvent(
        @JsonProperty("t_ms") long tMillis,
        @JsonProperty("type") EventType type,
        @JsonProperty("from_phase") Phase fromPhase,
        @JsonProperty("phase") Phase phase,
        @JsonProperty("step") int step,
        @JsonProperty("blue_weight") int blueWeight,
        @JsonProperty("green_weight") int greenWeight,
        @JsonProperty("message") String message,
        @JsonProperty("verdict") Verdict verdict) {

    static RolloutEvent of(
            long t, EventType type, RolloutState from, RolloutState to, String message, Verdict verdict) {
        return new RolloutEvent(
                t, type, from.phase(), to.phase(), to.step(), to.blueWeight(), to.greenWeight(), message, verdict);
    }
}
