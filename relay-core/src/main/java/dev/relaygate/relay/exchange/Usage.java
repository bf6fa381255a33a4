package dev.relaygate.relay.exchange;

/** Token usage reported by an upstream answer (JSON body or the final SSE usage chunk). */
public record Usage(long promptTokens, long cachedTokens, long completionTokens, long totalTokens) {

    public static final Usage NONE = new Usage(0, 0, 0, 0);
}
