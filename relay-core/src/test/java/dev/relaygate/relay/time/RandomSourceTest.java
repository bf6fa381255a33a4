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
    void anIndependentStreamIsReproducibleAndNeverShiftsItsParent() {
        RandomSource untouched = RandomSource.seeded(5);
        RandomSource parent = RandomSource.seeded(5);
        RandomSource child = parent.independent(1);
        RandomSource sameChild = RandomSource.seeded(5).independent(1);
        for (int i = 0; i < 100; i++) {
            assertThat(child.nextLong(1_000_000)).isEqualTo(sameChild.nextLong(1_000_000));
            assertThat(parent.nextInt(10_000)).isEqualTo(untouched.nextInt(10_000));
        }
        RandomSource other = RandomSource.seeded(5).independent(2);
        RandomSource first = RandomSource.seeded(5).independent(1);
        assertThat(IntStream.range(0, 20).map(i -> other.nextInt(1 << 30)).toArray())
                .isNotEqualTo(
                        IntStream.range(0, 20).map(i -> first.nextInt(1 << 30)).toArray());
    }

    @Test
    void drawsStayInTheirRange() {
        RandomSource r = RandomSource.threadLocal();
        assertThat(IntStream.range(0, 10_000).map(i -> r.nextInt(7))).allMatch(v -> v >= 0 && v < 7);
        assertThat(IntStream.range(0, 10_000).mapToDouble(i -> r.nextDouble())).allMatch(v -> v >= 0 && v < 1);
    }
}
