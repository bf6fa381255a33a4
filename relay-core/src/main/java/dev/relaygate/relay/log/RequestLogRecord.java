package dev.relaygate.relay.log;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of the request log (JSON Lines). Never holds keys or bodies.
 *
 * @param tMillis          when the request finished (wall clock)
 * @param environment      "blue" or "green": the environment that finally served it
 * @param status           the status the client received (0 if none was sent)
 * @param firstByteMs      upstream's first response byte, or null if none arrived
 * @param cachedTokens     of {@code promptTokens}, the ones served from the provider's cache
 * @param costUsd          from the configured prices; null when the model has none
 * @param shadow           a mirrored shadow request (green's discarded answer)
 * @param partial          the client abandoned a stream: tokens are what had been counted so far
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestLogRecord(
        @JsonProperty("t_ms") long tMillis,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("trace_id") String traceId,
        @JsonProperty("environment") String environment,
        @JsonProperty("model") String model,
        @JsonProperty("status") int status,
        @JsonProperty("latency_ms") double latencyMs,
        @JsonProperty("first_byte_ms") Double firstByteMs,
        @JsonProperty("prompt_tokens") long promptTokens,
        @JsonProperty("cached_tokens") long cachedTokens,
        @JsonProperty("completion_tokens") long completionTokens,
        @JsonProperty("cost_usd") Double costUsd,
        @JsonProperty("shadow") boolean shadow,
        @JsonProperty("partial") boolean partial,

        @JsonProperty("member") @JsonInclude(JsonInclude.Include.NON_NULL)
        String member) {

    /** A record of a relay that runs alone (no member id on the line). */
    public RequestLogRecord(
            long tMillis,
            String requestId,
            String traceId,
            String environment,
            String model,
            int status,
            double latencyMs,
            Double firstByteMs,
            long promptTokens,
            long cachedTokens,
            long completionTokens,
            Double costUsd,
            boolean shadow,
            boolean partial) {
        this(
                tMillis,
                requestId,
                traceId,
                environment,
                model,
                status,
                latencyMs,
                firstByteMs,
                promptTokens,
                cachedTokens,
                completionTokens,
                costUsd,
                shadow,
                partial,
                null);
    }
}
