package dev.relaygate.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.config.RoutingConfig;
import dev.relaygate.relay.config.ServerConfig;
import dev.relaygate.relay.config.WeightsConfig;
import dev.relaygate.relay.support.Http;
import dev.relaygate.relay.support.RelayFixture;
import dev.relaygate.relay.time.RandomSource;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class RelayRoutingTest {

    private static final double ALPHA = 1e-4;
    private static final int REQUESTS = 300;
    private static RelayFixture f;

    @BeforeAll
    static void start() {
        // One event loop and a seeded source: the split through the real relay is reproducible.
        f = RelayFixture.start(
                c -> c.withServer(new ServerConfig("127.0.0.1", 0, 2_000L, 1))
                        .withRouting(new RoutingConfig("weighted", new WeightsConfig(100, 0), "X-Session-Id")),
                RandomSource.seeded(42));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static String environmentOf(Map<String, String> headers) {
        HttpResponse<String> r = Http.get(f.relay.baseUrl() + "/models", headers);
        assertThat(r.statusCode()).isEqualTo(200);
        return r.headers().firstValue("X-Relay-Environment").orElseThrow();
    }

    @ParameterizedTest(name = "green weight {0}")
    @ValueSource(ints = {0, 10, 50, 100})
    void theRelaySplitsNewRequestsByWeightWithinABinomialBound(int greenWeight) throws InterruptedException {
        f.relay.policyStore().setGreenWeight(greenWeight, "test");
        // Settled: an earlier test's last green request may not be counted yet.
        long greenBefore = RelayFixture.settledTotal(f.green);
        int green = 0;
        for (int i = 0; i < REQUESTS; i++) {
            if (environmentOf(Map.of()).equals("green")) {
                green++;
            }
        }
        // The mock counts after it answered; give its last count a moment to land.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (f.green.counts().total() - greenBefore < green && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(RelayFixture.settledTotal(f.green) - greenBefore)
                .as("the green mock served what the header says")
                .isEqualTo(green);
        if (greenWeight == 0 || greenWeight == 100) {
            assertThat(green).isEqualTo(REQUESTS * greenWeight / 100);
        } else {
            BinomialDistribution expected = new BinomialDistribution(REQUESTS, greenWeight / 100.0);
            assertThat(green)
                    .isBetween(
                            expected.inverseCumulativeProbability(ALPHA / 2),
                            expected.inverseCumulativeProbability(1 - ALPHA / 2));
        }
    }

    @Test
    void theOverrideHeaderPicksTheEnvironmentForOneRequest() {
        f.relay.policyStore().setGreenWeight(0, "test");
        assertThat(environmentOf(Map.of("X-Route-Policy", "green"))).isEqualTo("green");
        assertThat(environmentOf(Map.of("X-Route-Policy", "auto"))).isEqualTo("blue");
        f.relay.policyStore().setGreenWeight(100, "test");
        assertThat(environmentOf(Map.of("X-Route-Policy", "blue"))).isEqualTo("blue");
        assertThat(environmentOf(Map.of())).isEqualTo("green");
    }

    @Test
    void aSessionSticksToOneEnvironmentWhileTheCanaryRuns() {
        f.relay.policyStore().setGreenWeight(50, "test");
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < 20; s++) {
            Map<String, String> session = Map.of("X-Session-Id", "session-" + s);
            String first = environmentOf(session);
            seen.add(first);
            for (int i = 0; i < 3; i++) {
                assertThat(environmentOf(session)).as("session-%d", s).isEqualTo(first);
            }
        }
        assertThat(seen).containsExactlyInAnyOrder("blue", "green");
    }
}
