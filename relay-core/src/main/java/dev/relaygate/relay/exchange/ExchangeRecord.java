package dev.relaygate.relay.exchange;

/**
 * One finished relayed request, as reported to {@link ExchangeListener}s.
 *
 * @param status        upstream status the client got, or the relay's own (502/504) when upstream sent none
 * @param latencyMicros accept to last byte
 * @param ttfbMicros    accept to upstream's first response byte, or -1
 * @param attempts      upstream attempts made (1 + retries)
 * @param usage         token usage from the JSON answer or the final SSE usage event; {@link Usage#NONE} if none
 */
public record ExchangeRecord(
        String requestId,
        String traceparent,
        Environment environment,
        String method,
        String path,
        String model,
        boolean stream,
        int status,
        Outcome outcome,
        long latencyMicros,
        long ttfbMicros,
        int attempts,
        long startedAtMillis,
        Usage usage) {

    public ExchangeRecord {
        usage = usage == null ? Usage.NONE : usage;
    }

    /** A record without token usage ({@link Usage#NONE}). */
    public ExchangeRecord(
            String requestId,
            String traceparent,
            Environment environment,
            String method,
            String path,
            String model,
            boolean stream,
            int status,
            Outcome outcome,
            long latencyMicros,
            long ttfbMicros,
            int attempts,
            long startedAtMillis) {
        this(
                requestId,
                traceparent,
                environment,
                method,
                path,
                model,
                stream,
                status,
                outcome,
                latencyMicros,
                ttfbMicros,
                attempts,
                startedAtMillis,
                Usage.NONE);
    }
}
