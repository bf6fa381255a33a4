package dev.relaygate.relay.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.exchange.Environment;
import dev.relaygate.relay.time.RandomSource;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class AttemptPolicyTest {

    @Test
    void theDeadlineSpansEveryAttempt() {
        AttemptPolicy policy = new AttemptPolicy(2_000, 500, 2, 50, RandomSource.seeded(1));
        assertThat(policy.remainingNanos(1_000_000_000L, 1_000_000_000L)).isEqualTo(2_000_000_000L);
        assertThat(policy.remainingNanos(1_000_000_000L, 2_500_000_000L)).isEqualTo(500_000_000L);
        assertThat(policy.remainingNanos(1_000_000_000L, 3_000_000_001L)).isNegative();
    }

    @Test
    void retriesStopAfterMaxRetries() {
        AttemptPolicy policy = new AttemptPolicy(1_000, 500, 2, 50, RandomSource.seeded(1));
        assertThat(policy.mayRetry(0)).isTrue();
        assertThat(policy.mayRetry(1)).isTrue();
        assertThat(policy.mayRetry(2)).isFalse();
    }

    @Test
    void backoffIsFullJitterUnderADoublingCeiling() {
        AttemptPolicy policy = new AttemptPolicy(1_000, 500, 5, 50, RandomSource.seeded(7));
        for (int attempt = 0; attempt < 5; attempt++) {
            long ceiling = 50L << attempt;
            int a = attempt;
            LongStream waits = LongStream.range(0, 2_000).map(i -> policy.backoffMs(a));
            assertThat(waits.max().orElseThrow()).isLessThan(ceiling).isGreaterThan(ceiling / 2);
        }
    }

    @Test
    void aSeededSourceMakesTheJitterReproducible() {
        long[] first = LongStream.range(0, 20)
                .map(i -> new AttemptPolicy(1_000, 500, 5, 100, RandomSource.seeded(42)).backoffMs(3))
                .toArray();
        AttemptPolicy one = new AttemptPolicy(1_000, 500, 5, 100, RandomSource.seeded(42));
        AttemptPolicy two = new AttemptPolicy(1_000, 500, 5, 100, RandomSource.seeded(42));
        long[] a =
                LongStream.range(0, 20).map(i -> one.backoffMs((int) (i % 4))).toArray();
        long[] b =
                LongStream.range(0, 20).map(i -> two.backoffMs((int) (i % 4))).toArray();
        assertThat(a).isEqualTo(b);
        assertThat(first).containsOnly(first[0]);
    }

    @Test
    void noBaseMeansNoWait() {
        assertThat(new AttemptPolicy(1_000, 500, 3, 0, RandomSource.seeded(1)).backoffMs(2))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503})
    void onlyAnUpstreamThatDidNotHandleTheRequestIsRetried(int status) {
        assertThat(AttemptPolicy.retryableStatus(status)).isTrue();
        assertThat(AttemptPolicy.retryableStatus(500)).isFalse();
        assertThat(AttemptPolicy.retryableStatus(504)).isFalse();
        assertThat(AttemptPolicy.retryableStatus(429)).isFalse();
    }

    @Test
    void onlyGreenFailsOverAndOnlyOnce() {
        assertThat(AttemptPolicy.mayFailOver(Environment.GREEN, false)).isTrue();
        assertThat(AttemptPolicy.mayFailOver(Environment.GREEN, true)).isFalse();
        assertThat(AttemptPolicy.mayFailOver(Environment.BLUE, false)).isFalse();
        assertThat(AttemptPolicy.failOverStatus(500)).isTrue();
        assertThat(AttemptPolicy.failOverStatus(429)).isTrue();
        assertThat(AttemptPolicy.failOverStatus(404)).isFalse();
    }

    @Test
    void aConnectionStillAwaitedPastTheConnectTimeoutWaitedInTheRelaysPool() {
        AttemptPolicy policy = new AttemptPolicy(10_000, 500, 2, 50, RandomSource.seeded(1));
        long opened = 1_000_000_000L;
        assertThat(policy.waitedForPool(opened, opened + 400_000_000L)).isFalse();
        assertThat(policy.waitedForPool(opened, opened + 600_000_000L)).isTrue();
    }
}
