package dev.relaygate.relay.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.relaygate.mock.MockSettings;
import dev.relaygate.mock.MockUpstream;
import dev.relaygate.mock.ServedCounts;
import dev.relaygate.relay.RelayServer;
import dev.relaygate.relay.config.EnvironmentConfig;
import dev.relaygate.relay.config.RelayConfig;
import dev.relaygate.relay.time.Clock;
import dev.relaygate.relay.time.RandomSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/** Two mock upstreams (blue, green) and a relay in front of them, all on loopback. */
public final class RelayFixture implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String ADMIN_TOKEN = "admin-token-for-tests";

    public final MockUpstream blue;
    public final MockUpstream green;
    public final RelayServer relay;

    private RelayFixture(MockUpstream blue, MockUpstream green, RelayServer relay) {
        this.blue = blue;
        this.green = green;
        this.relay = relay;
    }

    public static RelayFixture start() {
        return start(c -> c, RandomSource.threadLocal());
    }

    public static RelayFixture start(UnaryOperator<RelayConfig> customize, RandomSource random) {
        return start(customize, random, Clock.system());
    }

    public static RelayFixture start(UnaryOperator<RelayConfig> customize, RandomSource random, Clock clock) {
        MockUpstream blue = MockUpstream.start(MockSettings.of("blue", "sk-blue-upstream"));
        MockUpstream green = null;
        try {
            green = MockUpstream.start(MockSettings.of("green", "sk-green-upstream"));
            RelayConfig config = customize.apply(baseConfig(blue.baseUrl(), green.baseUrl()));
            return new RelayFixture(blue, green, RelayServer.start(config, clock, random));
        } catch (RuntimeException e) {
            blue.close();
            if (green != null) {
                green.close();
            }
            throw e;
        }
    }

    /** Periodic health probes are off (tests that count mock requests stay exact); a test turns them on itself. */
    public static RelayConfig baseConfig(String blueUrl, String greenUrl) {
        return RelayConfig.of(
                        EnvironmentConfig.of("blue-provider", blueUrl, "sk-blue-upstream"),
                        EnvironmentConfig.of("green-provider", greenUrl, "sk-green-upstream"),
                        ADMIN_TOKEN)
                .withHealthCheckIntervalSeconds(0);
    }

    /**
     * A mock's served count once it stops moving: the mock counts a request only after its response
     * was written, so a count read right after the client's answer (or the previous test's) can lag.
     */
    public static long settledTotal(MockUpstream mock) {
        return settled(mock, ServedCounts::total);
    }

    /** {@link #settledTotal} for any one of the mock's counters. */
    public static long settled(MockUpstream mock, ToLongFunction<ServedCounts> counter) {
        long previous = -1;
        long current = counter.applyAsLong(mock.counts());
        for (int i = 0; i < 50 && current != previous; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the mock's count", e);
            }
            previous = current;
            current = counter.applyAsLong(mock.counts());
        }
        return current;
    }

    /** {@code GET /admin/status}, which must answer 200, as JSON. */
    public JsonNode status() {
        HttpResponse<String> r = Http.get(url("/admin/status"), admin());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET /admin/status answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return relay.adminUrl() + path;
    }

    public static Map<String, String> admin() {
        return Map.of("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    @Override
    public void close() {
        try {
            relay.close();
        } finally {
            blue.close();
            green.close();
        }
    }
}
