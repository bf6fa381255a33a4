package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

final class PairedBlocksTest {

    @Test
    void thePooledAddedP99IsTheRelayedArmsP99MinusTheDirectArmsOverAllBlocks() {
        PairedBlocks blocks = new PairedBlocks(List.of(pair(1_000, 1_300, 0), pair(1_000, 1_300, 0)));

        assertThat(blocks.pooledAddedMs(99)).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.002));
    }

    @Test
    void slowRelayedBlocksInNineOfTwentyPairsShowInThePooledP99ThoughTheMedianPairHidesThem() {
        // 11 pairs add 0.2 ms at p99, 9 pairs have a relayed tail of 9 ms on 5% of requests: the median pair
        // difference stays 0.2 ms, while the run's p99 as a whole is 8.8 ms slower
        List<PairedBlocks.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pairs.add(pair(1_000, 1_200, i < 9 ? 9_000 : 0));
        }
        PairedBlocks blocks = new PairedBlocks(pairs);
        List<Double> perPair = new ArrayList<>(blocks.perPairAddedMs(99));
        perPair.sort(Double::compare);

        assertThat(perPair.get(10)).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.002));
        assertThat(blocks.pooledAddedMs(99)).isGreaterThan(5.0);
    }

    @Test
    void theBootstrapIntervalBracketsThePooledFigureAndIsReproducibleWithItsSeed() {
        List<PairedBlocks.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pairs.add(pair(1_000, 1_100 + i * 20, 0));
        }
        PairedBlocks blocks = new PairedBlocks(pairs);

        double[] ci = blocks.bootstrap95Ms(99, 500, 42);

        assertThat(ci[0]).isLessThanOrEqualTo(blocks.pooledAddedMs(99)).isGreaterThan(0.1);
        assertThat(ci[1]).isGreaterThanOrEqualTo(blocks.pooledAddedMs(99)).isLessThan(0.6);
        assertThat(blocks.bootstrap95Ms(99, 500, 42)).containsExactly(ci);
    }

    @Test
    void withoutPairsThereIsNoFigure() {
        PairedBlocks none = new PairedBlocks(List.of());

        assertThat(none.pooledAddedMs(99)).isNaN();
        assertThat(none.bootstrap95Ms(99, 100, 1)).containsExactly(Double.NaN, Double.NaN);
    }

    /** 1,000 requests per arm at a fixed latency (us); the relayed arm's slowest 5% take {@code tailUs} if set. */
    private static PairedBlocks.Pair pair(long directUs, long relayedUs, long tailUs) {
        Histogram a = new Histogram(1, LatencyRecorder.HIGHEST_US, 3);
        Histogram b = new Histogram(1, LatencyRecorder.HIGHEST_US, 3);
        for (int i = 0; i < 1_000; i++) {
            a.recordValue(directUs);
            b.recordValue(tailUs > 0 && i < 50 ? tailUs : relayedUs);
        }
        return new PairedBlocks.Pair(a, b);
    }
}
