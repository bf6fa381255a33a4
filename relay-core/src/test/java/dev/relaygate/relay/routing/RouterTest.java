package dev.relaygate.relay.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.config.RoutingStrategy;
import dev.relaygate.relay.exchange.Environment;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class RouterTest {

    /** Two-sided false-alarm probability of each split check. */
    private static final double ALPHA = 1e-4;

    private static final int DRAWS = 200_000;
    private static final long PINNED_UUID_HASH = 3_824_314_777_242_907_288L;
    private static final int PINNED_UUID_BUCKET = 7_288;

    private static RoutingPolicy weighted(int green) {
        return RoutingPolicy.initial(green, RoutingStrategy.WEIGHTED, 0);
    }

    @ParameterizedTest(name = "green weight {0}")
    @ValueSource(ints = {0, 10, 50, 100})
    void weightedSplitSendsGreensShareWithinABinomialBound(int greenWeight) {
        SplittableRandom random = new SplittableRandom(20_261_129L + greenWeight);
        RoutingPolicy policy = weighted(greenWeight);
        int green = 0;
        for (int i = 0; i < DRAWS; i++) {
            if (Router.route(policy, RouteOverride.NONE, Router.NO_AFFINITY, random.nextInt(Router.BUCKETS))
                    == Environment.GREEN) {
                green++;
            }
        }
        double p = greenWeight / 100.0;
        if (greenWeight == 0 || greenWeight == 100) {
            assertThat(green).isEqualTo((int) (DRAWS * p));
            return;
        }
        BinomialDistribution expected = new BinomialDistribution(DRAWS, p);
        int low = expected.inverseCumulativeProbability(ALPHA / 2);
        int high = expected.inverseCumulativeProbability(1 - ALPHA / 2);
        assertThat(green)
                .as("green count at weight %d (bound [%d,%d])", greenWeight, low, high)
                .isBetween(low, high);
    }

    @Test
    void overrideHeaderBeatsTheWeights() {
        assertThat(Router.route(weighted(0), RouteOverride.GREEN, Router.NO_AFFINITY, 0))
                .isEqualTo(Environment.GREEN);
        assertThat(Router.route(weighted(100), RouteOverride.BLUE, Router.NO_AFFINITY, 0))
                .isEqualTo(Environment.BLUE);
        assertThat(Router.route(weighted(100), RouteOverride.AUTO, Router.NO_AFFINITY, 0))
                .isEqualTo(Environment.GREEN);
    }

    @Test
    void shadowStrategyServesEveryRequestFromBlue() {
        RoutingPolicy shadow = RoutingPolicy.initial(50, RoutingStrategy.SHADOW, 0);
        for (int bucket = 0; bucket < Router.BUCKETS; bucket += 7) {
            assertThat(Router.route(shadow, RouteOverride.NONE, Router.NO_AFFINITY, bucket))
                    .isEqualTo(Environment.BLUE);
        }
    }

    @Test
    void sameAffinityValueAlwaysLandsOnTheSameEnvironment() {
        RoutingPolicy policy = weighted(30);
        for (int s = 0; s < 1_000; s++) {
            long hash = Router.affinityHash("session-" + s);
            Environment first = Router.route(policy, RouteOverride.NONE, hash, 0);
            for (int repeat = 0; repeat < 5; repeat++) {
                // the random draw is ignored when affinity is present
                assertThat(Router.route(policy, RouteOverride.NONE, hash, repeat * 1_999))
                        .isEqualTo(first);
            }
        }
    }

    @Test
    void raisingGreensWeightOnlyMovesSessionsFromBlueToGreen() {
        for (int s = 0; s < 5_000; s++) {
            long hash = Router.affinityHash("user-" + s);
            boolean wasGreen = false;
            for (int w = 0; w <= 100; w += 5) {
                boolean green = Router.route(weighted(w), RouteOverride.NONE, hash, 0) == Environment.GREEN;
                assertThat(!wasGreen || green)
                        .as("session user-%d left green when weight rose to %d", s, w)
                        .isTrue();
                wasGreen = green;
            }
        }
    }

    @Test
    void affinityHashesSpreadSessionsByTheWeight() {
        RoutingPolicy policy = weighted(20);
        int sessions = 50_000;
        int green = 0;
        for (int s = 0; s < sessions; s++) {
            if (Router.route(policy, RouteOverride.NONE, Router.affinityHash("s" + s), 0) == Environment.GREEN) {
                green++;
            }
        }
        BinomialDistribution expected = new BinomialDistribution(sessions, 0.2);
        assertThat(green)
                .isBetween(
                        expected.inverseCumulativeProbability(ALPHA / 2),
                        expected.inverseCumulativeProbability(1 - ALPHA / 2));
    }

    @Test
    void affinityHashIsStableNonNegativeAndMarksMissingValues() {
        assertThat(Router.affinityHash("abc")).isEqualTo(Router.affinityHash(new StringBuilder("abc")));
        assertThat(Router.affinityHash("abc")).isNotNegative();
        assertThat(Router.affinityHash(null)).isEqualTo(Router.NO_AFFINITY);
        assertThat(Router.affinityHash("")).isEqualTo(Router.NO_AFFINITY);
    }

    @Test
    void uuidSessionIdsSpreadByTheWeight() {
        SplittableRandom random = new SplittableRandom(36);
        RoutingPolicy policy = weighted(10);
        int sessions = 50_000;
        int green = 0;
        for (int s = 0; s < sessions; s++) {
            String id = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            if (Router.route(policy, RouteOverride.NONE, Router.affinityHash(id), 0) == Environment.GREEN) {
                green++;
            }
        }
        BinomialDistribution expected = new BinomialDistribution(sessions, 0.1);
        assertThat(green)
                .isBetween(
                        expected.inverseCumulativeProbability(ALPHA / 2),
                        expected.inverseCumulativeProbability(1 - ALPHA / 2));
    }

    @Test
    void idsThatDifferOnlyInUnitOrderOrLengthHashApart() {
        String[][] pairs = {
            {"abcd", "bacd"}, // units swapped between lanes
            {"abcdefgh", "efghabcd"}, // whole lane rounds swapped
            {"a", "a\u0000"}, // a trailing zero unit
            {"\u00e9", "e"}, // a non-ASCII unit
            {"ab", "\u6261"}, // two units vs one unit made of the same bytes
        };
        for (String[] pair : pairs) {
            assertThat(Router.affinityHash(pair[0]))
                    .as("%s vs %s", pair[0], pair[1])
                    .isNotEqualTo(Router.affinityHash(pair[1]));
        }
    }

    @Test
    void theHashOfAGivenIdIsPinnedSoSessionsKeepTheirEnvironmentAcrossReleases() {
        // Changing the function moves sessions between environments mid-canary: do it on purpose only.
        assertThat(Router.affinityHash("3f2c9a7e-1b4d-4c8e-9f6a-2d5b7c8e9a01")).isEqualTo(PINNED_UUID_HASH);
        assertThat(Router.bucketOf(PINNED_UUID_HASH)).isEqualTo(PINNED_UUID_BUCKET);
    }
}
