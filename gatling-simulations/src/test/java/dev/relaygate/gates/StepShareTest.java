package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class StepShareTest {

    private static List<Observation> answers(int green, int blue) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < green; i++) {
            out.add(new Observation(i, 200, "green", 5, true));
        }
        for (int i = 0; i < blue; i++) {
            out.add(new Observation(i, 200, "blue", 5, true));
        }
        return out;
    }

    @Test
    void aShareCloseToTheWeightMatchesAtAlphaOneInTenThousand() {
        StepShare step = StepShare.of(25, answers(262, 738));

        assertThat(step.matches(1e-4)).isTrue();
        assertThat(step.observedShare()).isEqualTo(0.262);
    }

    @Test
    void aShareFarFromTheWeightFailsTheStep() {
        StepShare step = StepShare.of(25, answers(350, 650));

        assertThat(step.matches(1e-4)).isFalse();
        assertThat(step.pValue()).isLessThan(1e-4);
    }

    @ParameterizedTest
    @CsvSource({"0, 0, 100, true", "0, 1, 99, false", "100, 100, 0, true", "100, 99, 1, false"})
    void atWeightZeroOrOneHundredTheShareMustBeExact(int weight, int green, int blue, boolean matches) {
        assertThat(StepShare.of(weight, answers(green, blue)).matches(1e-4)).isEqualTo(matches);
    }

    @Test
    void aStepWithoutAnswersNeverMatches() {
        assertThat(StepShare.of(50, List.of()).matches(1e-4)).isFalse();
    }
}
