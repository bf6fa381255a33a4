package dev.relaygate.mock;

import java.util.Objects;

/**
 * How to start one mock provider.
 *
 * @param name                 label used in ids and logs (e.g. "blue")
 * @param port                 loopback port clients use; 0 picks a free one
 * @param apiKey               the only accepted bearer key
 * @param profile              initial profile
 * @param containerThreads     Jetty threads; a stream without an initial delay holds one for its duration
 * @param asyncResponseThreads WireMock's delayed-response threads; a delayed stream holds one while dribbling
 */
public record MockSettings(
        String name, int port, String apiKey, ProfileSettings profile, int containerThreads, int asyncResponseThreads) {

    /** Threads per pool in {@link #of}: room for 256 concurrent streams plus Jetty's own acceptors/selectors. */
    public static final int DEFAULT_THREADS = 300;

    public MockSettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be non-blank, but was " + (name == null ? "null" : "blank"));
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [0,65535], but was " + port);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must be non-blank");
        }
        Objects.requireNonNull(profile, "profile must not be null");
        if (containerThreads < 16) {
            throw new IllegalArgumentException("containerThreads must be >= 16, but was " + containerThreads);
        }
        if (asyncResponseThreads < 1) {
            throw new IllegalArgumentException("asyncResponseThreads must be >= 1, but was " + asyncResponseThreads);
        }
    }

    /** Dynamic port, healthy profile, thread pools sized for at least 200 concurrent streams. */
    public static MockSettings of(String name, String apiKey) {
        return new MockSettings(name, 0, apiKey, ProfileSettings.healthy(), DEFAULT_THREADS, DEFAULT_THREADS);
    }

    public MockSettings withPort(int newPort) {
        return new MockSettings(name, newPort, apiKey, profile, containerThreads, asyncResponseThreads);
    }

    public MockSettings withProfile(ProfileSettings newProfile) {
        return new MockSettings(name, port, apiKey, newProfile, containerThreads, asyncResponseThreads);
    }

    public MockSettings withThreads(int container, int async) {
        return new MockSettings(name, port, apiKey, profile, container, async);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "MockSettings[name=" + name + ", port=" + port + ", apiKey=***, profile=" + profile
                + ", containerThreads=" + containerThreads + ", asyncResponseThreads=" + asyncResponseThreads + "]";
    }
}
