package dev.relaygate.relay.exchange;

/** How one relayed request ended, from the upstream environment's point of view. */
public enum Outcome {
    /** Upstream answered and the whole response reached the client (any status). */
    RESPONSE,
    /** Upstream sent no response headers within the timeout; the relay answered 504. */
    TIMEOUT,
    /** Connection refused/reset or protocol failure before response headers; the relay answered 502. */
    UPSTREAM_ERROR,
    /** Upstream started a response (e.g. an SSE stream) and broke it off before its end. */
    ABORTED_STREAM,
    /** The client went away first; the upstream request was cancelled. Not an upstream error. */
    CLIENT_CANCELLED,
    /**
     * The relay's own connection pool to the upstream was full (wait queue full, or the wait outlasted the
     * timeout); the relay answered 503 without sending anything. Not an upstream error.
     */
    POOL_EXHAUSTED
}
