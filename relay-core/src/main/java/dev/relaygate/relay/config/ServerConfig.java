package dev.relaygate.relay.config;

/**
 * {@code server}: where the relay listens and how it shuts down.
 *
 * @param host            interface to bind (default 127.0.0.1)
 * @param port            TCP port; 0 picks a free one (default 8080)
 * @param drainTimeoutMs  on shutdown, how long in-flight requests and streams may finish (default 10000)
 * @param eventLoops      HTTP server instances, one per event loop (default: available processors)
 */
public record ServerConfig(String host, Integer port, Long drainTimeoutMs, Integer eventLoops) {

    public ServerConfig {
        host = host == null ? "127.0.0.1" : host;
        port = port == null ? 8080 : port;
        drainTimeoutMs = drainTimeoutMs == null ? 10_000L : drainTimeoutMs;
        eventLoops = eventLoops == null ? Runtime.getRuntime().availableProcessors() : eventLoops;
    }

    public static ServerConfig defaults() {
        return new ServerConfig(null, null, null, null);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, drainTimeoutMs, eventLoops);
    }
}
