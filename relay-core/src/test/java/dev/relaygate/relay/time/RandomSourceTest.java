package dev.relaygate.relay.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class RandomSourceTest {

    @Test
    void theSameSeedGivesTheSameDraws() {
        RandomSource a = RandomSource.seeded(3);
        RandomSource b = RandomSource.seeded(3);
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextInt(10_000)).isEqualTo(b.nextInt(10_000));
            assertThat(a.nextLong(1L << 40)).isEqualTo(b.nextLong(1L << 40));
            assertThat(a.nextDouble()).isEqualTo(b.nextDouble());
        }
    }

    @Test
    void drawsStayInTheirRange() {
        RandomSource r = RandomSource.threadLocal();
        assertThat(IntStream.range(0, 10_000).map(i -> r.nextInt(7))).allMatch(v -> v >= 0 && v < 7);
        assertThat(IntStream.range(0, 10_000).mapToDouble(i -> r.nextDouble())).allMatch(v -> v >= 0 && v < 1);
    }
}
