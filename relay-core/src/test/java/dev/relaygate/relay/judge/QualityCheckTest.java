package dev.relaygate.relay.judge;

import static dev.relaygate.relay.judge.Slices.shadowSlice;
import static dev.relaygate.relay.judge.Slices.window;
import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.relay.config.ValidationThreshold;
import java.util.List;
import org.junit.jupiter.api.Test;

final class QualityCheckTest {

    private final QualityCheck check = new QualityCheck(ValidationThreshold.defaults());

    @Test
    void breachesWhenTooManyShadowAnswersAreDissimilar() {
        QualityResult r = check.evaluate(window(List.of(shadowSlice(0, 200, 40))), true);
        assertThat(r.status()).isEqualTo(CheckStatus.BREACH);
        assertThat(r.share()).isEqualTo(0.2);
    }

    @Test
    void isHealthyAtTheAllowedShare() {
        assertThat(check.evaluate(window(List.of(shadowSlice(0, 200, 10))), true)
                        .status())
                .isEqualTo(CheckStatus.HEALTHY);
    }

    @Test
    void holdsInShadowModeWithTooFewComparisons() {
        assertThat(check.evaluate(window(List.of(shadowSlice(0, 10, 0))), true).status())
                .isEqualTo(CheckStatus.INSUFFICIENT_DATA);
    }

    @Test
    void doesNotApplyOutsideShadowModeWithoutComparisons() {
        assertThat(check.evaluate(window(List.of(shadowSlice(0, 0, 0))), false).status())
                .isEqualTo(CheckStatus.NOT_APPLICABLE);
    }
}
