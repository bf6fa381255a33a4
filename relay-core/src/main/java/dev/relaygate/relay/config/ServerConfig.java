package dev.relaygate.relay.config;

/**
 * {@code server}: where the relay listens, how many client connections it holds, how long each phase
 * of a client connection may stall, and how it shuts down.
 *
 * <p>The three timeouts cover only the client's own phases: waiting for the next request on a kept-alive
 * connection, receiving a request's line and headers, and receiving its body. Waiting for the upstream
 * and streaming the answer back are never cut by them ({@code upstream.timeout_ms} and
 * {@code streaming.idle_timeout_ms} govern those).
 *
 * @param host                interface to bind (default 127.0.0.1)
 * @param port                TCP port; 0 picks a free one (default 8080)
 * @param drainTimeoutMs      on shutdown, how long in-flight requests and streams may finish (default 10000)
 * @param eventLoops          HTTP server instances, one per event loop (default: available processors)
 * @param maxConnections      concurrent client connections; 0 derives it from the process's open-file limit
 *                            (default 0)
 * @param headerReadTimeoutMs from a request's first byte to its last header byte (default 10000)
 * @param bodyIdleTimeoutMs   longest silence between request body bytes (default 30000)
 * @param idleTimeoutMs       a kept-alive connection with no request in flight is closed after this (default 60000)
 */
public record ServerConfig(
        String host,
        Integer port,
        Long drainTimeoutMs,
        Integer eventLoops,
        Integer maxConnections,
        Long headerReadTimeoutMs,
        Long bodyIdleTimeoutMs,
        Long idleTimeoutMs) {

    /** {@code max_connections} value meaning "derive from the open-file limit". */
    public static final int AUTO_MAX_CONNECTIONS = 0;

    public ServerConfig {
        host = host == null ? "127.0.0.1" : host;
        port = port == null ? 8080 : port;
        drainTimeoutMs = drainTimeoutMs == null ? 10_000L : drainTimeoutMs;
        eventLoops = eventLoops == null ? Runtime.getRuntime().availableProcessors() : eventLoops;
        maxConnections = maxConnections == null ? AUTO_MAX_CONNECTIONS : maxConnections;
        headerReadTimeoutMs = headerReadTimeoutMs == null ? 10_000L : headerReadTimeoutMs;
        bodyIdleTimeoutMs = bodyIdleTimeoutMs == null ? 30_000L : bodyIdleTimeoutMs;
        idleTimeoutMs = idleTimeoutMs == null ? 60_000L : idleTimeoutMs;
    }

    /** Listening settings only; connection limits and timeouts take their defaults. */
    public ServerConfig(String host, Integer port, Long drainTimeoutMs, Integer eventLoops) {
        this(host, port, drainTimeoutMs, eventLoops, null, null, null, null);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(null, null, null, null);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(
                host,
                newPort,
                drainTimeoutMs,
                eventLoops,
                maxConnections,
                headerReadTimeoutMs,
                bodyIdleTimeoutMs,
                idleTimeoutMs);
    }

    public ServerConfig withMaxConnections(int newMaxConnections) {
        return new ServerConfig(
                host,
                port,
                drainTimeoutMs,
                eventLoops,
                newMaxConnections,
                headerReadTimeoutMs,
                bodyIdleTimeoutMs,
                idleTimeoutMs);
    }

    /** The three client-phase timeouts, in milliseconds. */
    public ServerConfig withClientTimeouts(
            long newHeaderReadTimeoutMs, long newBodyIdleTimeoutMs, long newIdleTimeoutMs) {
        return new ServerConfig(
                host,
                port,
                drainTimeoutMs,
                eventLoops,
                maxConnections,
                newHeaderReadTimeoutMs,
                newBodyIdleTimeoutMs,
                newIdleTimeoutMs);
    }
}
