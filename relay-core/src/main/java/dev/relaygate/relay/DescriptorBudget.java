package dev.relaygate.relay;

import dev.relaygate.relay.config.ConfigException;
import dev.relaygate.relay.config.ConfigProblem;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.config.ServerConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.List;

/**
 * How many client connections the process's open-file limit allows, read once at start.
 *
 * <p>Every client connection holds a descriptor, and so do the upstream pools (up to
 * {@code upstream.pool_size} per environment), the request and shadow logs, the JVM's jars and the
 * event loops' selectors. The budget keeps, below the limit: the descriptors open at start, two pools,
 * {@value #REFUSING} for connections being refused past the limit, and {@value #SPARE} spare (log rotation,
 * health probes, DNS). What is left is the most
 * {@code server.max_connections} may be. An explicit value above it is refused rather than clamped: the
 * operator asked for a capacity the process cannot deliver, and should raise {@code ulimit -n} or lower
 * the value knowingly. {@code 0} takes what is left, up to {@value #AUTO_CAP}.
 *
 * @param openFileLimit    the process's open-file limit, or -1 where the platform does not say
 * @param openAtStart      descriptors open when the budget was read, or -1 where unknown
 * @param reserved         descriptors kept for everything but client connections
 * @param maxConnections   the effective {@code server.max_connections}
 * @param resumeBelow      while accepting is paused, it resumes only if the descriptors open now plus the
 *                         connections it may accept before pausing again stay below this: the limit minus
 *                         half the spare ({@link Long#MAX_VALUE} where the limit is unknown)
 */
record DescriptorBudget(long openFileLimit, long openAtStart, long reserved, int maxConnections, long resumeBelow) {

    static final int SPARE = 64;
    /** Connections past the limit being answered 503 at once; past this many, accepting pauses. */
    static final int REFUSING = 32;

    static final int AUTO_CAP = 10_000;

    /** Reads the limits of this process. */
    static DescriptorBudget of(RelayConfig config) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return of(config, unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount());
        }
        return of(config, -1, -1);
    }

    /**
     * @throws ConfigException naming {@code server.max_connections} when the limit leaves no room
     */
    static DescriptorBudget of(RelayConfig config, long openFileLimit, long openAtStart) {
        ServerConfig server = config.server();
        int configured = server.maxConnections();
        if (openFileLimit <= 0 || openAtStart < 0) {
            return new DescriptorBudget(
                    openFileLimit,
                    openAtStart,
                    0,
                    configured == ServerConfig.AUTO_MAX_CONNECTIONS ? AUTO_CAP : configured,
                    Long.MAX_VALUE);
        }
        long reserved = openAtStart + 2L * config.upstream().poolSize() + SPARE + REFUSING;
        long room = openFileLimit - reserved;
        long resumeBelow = openFileLimit - SPARE / 2;
        String why = "the open-file limit " + openFileLimit + " keeps " + reserved + " descriptors for "
                + openAtStart + " open at start, 2 x upstream.pool_size ("
                + config.upstream().poolSize()
                + "), " + REFUSING + " for refusals in flight and " + SPARE + " spare";
        if (configured == ServerConfig.AUTO_MAX_CONNECTIONS) {
            if (room < 1) {
                throw problem("server.max_connections cannot be derived: " + why
                        + ", which leaves none; raise ulimit -n or lower upstream.pool_size");
            }
            return new DescriptorBudget(
                    openFileLimit, openAtStart, reserved, (int) Math.min(room, AUTO_CAP), resumeBelow);
        }
        if (configured > room) {
            throw problem("server.max_connections must be at most " + Math.max(room, 0) + " here (" + why
                    + "), but was " + configured + "; raise ulimit -n or lower it");
        }
        return new DescriptorBudget(openFileLimit, openAtStart, reserved, configured, resumeBelow);
    }

    /** Descriptors this process has open now, or -1 where the platform does not say (lists /proc: not per request). */
    static long openDescriptors() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }

    private static ConfigException problem(String message) {
        return ConfigException.of(List.of(new ConfigProblem("server.max_connections", message)));
    }

    /** One line for the start-up log: the limit and the connections it allows. */
    String describe() {
        if (openFileLimit <= 0) {
            return "connection limit " + maxConnections + " (open-file limit unknown on this platform)";
        }
        return "connection limit " + maxConnections + " (open-file limit " + openFileLimit + ", " + reserved
                + " kept for upstream pools, logs and the JVM)";
    }
}
