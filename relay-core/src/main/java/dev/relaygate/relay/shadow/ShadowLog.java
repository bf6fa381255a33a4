package dev.relaygate.relay.shadow;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of the shadow JSONL (written by {@code log.RequestLog} with prefix "shadow" and
 * {@link #DEFAULT_RETENTION_HOURS}). Numbers only, never the answers' text.
 */
public record ShadowLog(
        @JsonProperty("t_ms") long tMillis,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("model") String model,
        @JsonProperty("blue_status") int blueStatus,
        @JsonProperty("green_status") int greenStatus,
        @JsonProperty("blue_prompt_tokens") long bluePromptTokens,
        @JsonProperty("green_prompt_tokens") long greenPromptTokens,
        @JsonProperty("blue_completion_tokens") long blueCompletionTokens,
        @JsonProperty("green_completion_tokens") long greenCompletionTokens,
        @JsonProperty("latency_difference_ms") double latencyDifferenceMs,
        @JsonProperty("similarity") double similarity,
        @JsonProperty("status_match") boolean statusMatch,
        @JsonProperty("usage_within_tolerance") boolean usageWithinTolerance,
        @JsonProperty("similar") boolean similar,
        @JsonProperty("matched") boolean matched) {

    public static final long DEFAULT_RETENTION_HOURS = 24;
    public static final String FILE_PREFIX = "shadow";

    public static ShadowLog of(
            long tMillis, String requestId, String model, ShadowAnswer blue, ShadowAnswer green, ShadowComparison c) {
        return new ShadowLog(
                tMillis,
                requestId,
                model,
                blue.status(),
                green.status(),
                blue.promptTokens(),
                green.promptTokens(),
                blue.completionTokens(),
                green.completionTokens(),
                c.latencyDifferenceMs(),
                c.similarity(),
                c.statusMatch(),
                c.usageWithinTolerance(),
                c.similar(),
                c.matched());
    }
}
