package dev.relaygate.relay.shadow;

/**
 * What one environment answered to a mirrored request, reduced to what the comparison needs.
 *
 * @param status           upstream status (0 if it never answered)
 * @param promptTokens     usage.prompt_tokens, or -1 when the answer had no usage
 * @param completionTokens usage.completion_tokens, or -1 when the answer had no usage
 * @param latencyMs        time to the last byte
 * @param text             the answer's text (message content, or streamed deltas joined); may be empty
 */
public record ShadowAnswer(int status, long promptTokens, long completionTokens, double latencyMs, String text) {

    public ShadowAnswer {
        text = text == null ? "" : text;
    }
}
