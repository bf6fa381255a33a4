package dev.relaygate.relay.judge;

import static dev.relaygate.relay.judge.Slices.slice;
import static dev.relaygate.relay.judge.Slices.window;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.config.ValidationThreshold;
import java.util.List;
import org.junit.jupiter.api.Test;

final class P99CheckTest {

    private final P99Check check = new P99Check(ValidationThreshold.defaults());

    @Test
    void breachesWhenManyGreenRequestsAreSlowerThanTheThreshold() {
        IntervalSlice fast = slice(0, 0, 0, 80, 400, 0, 100);
        IntervalSlice slow = slice(1, 0, 0, 80, 100, 0, 300);
        P99Result r = check.evaluate(window(List.of(fast, slow)));
        assertThat(r.status()).isEqualTo(CheckStatus.BREACH);
        assertThat(r.p99Ms()).isGreaterThan(200);
        assertThat(r.above()).isEqualTo(100);
        assertThat(r.pValue()).isLessThan(0.001);
    }

    @Test
    void doesNotBreachOnAFewSlowRequestsInAThinWindow() {
        IntervalSlice fast = slice(0, 0, 0, 80, 98, 0, 100);
        IntervalSlice slow = slice(1, 0, 0, 80, 2, 0, 5000);
        P99Result r = check.evaluate(window(List.of(fast, slow)));
        assertThat(r.p99Ms()).isGreaterThan(200);
        assertThat(r.status()).isEqualTo(CheckStatus.HEALTHY);
        assertThat(r.pValue()).isGreaterThan(0.001);
    }

    @Test
    void isHealthyWhenGreenIsUnderTheThreshold() {
        assertThat(check.evaluate(window(List.of(slice(0, 0, 0, 80, 500, 0, 150))))
                        .status())
                .isEqualTo(CheckStatus.HEALTHY);
    }

    @Test
    void holdsWithFewerThanMinSamples() {
        assertThat(check.evaluate(window(List.of(slice(0, 0, 0, 80, 50, 0, 900))))
                        .status())
                .isEqualTo(CheckStatus.INSUFFICIENT_DATA);
    }
}
