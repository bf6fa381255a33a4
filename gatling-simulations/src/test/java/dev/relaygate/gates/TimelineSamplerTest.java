package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class TimelineSamplerTest {

    @Test
    void eachSampleCarriesItsTimeSinceTheGatesZeroAndTheProbesValues() {
        try (TimelineSampler sampler =
                new TimelineSampler(GateClock.start(), t -> Map.of("green_weight", 10, "phase", "CANARY"))) {
            sampler.sampleNow();
            sampler.sampleNow();

            assertThat(sampler.samples()).hasSize(2);
            assertThat(sampler.samples().get(0))
                    .containsKey("t_ms")
                    .containsEntry("green_weight", 10)
                    .containsEntry("phase", "CANARY");
            assertThat((Long) sampler.samples().get(1).get("t_ms"))
                    .isGreaterThanOrEqualTo((Long) sampler.samples().get(0).get("t_ms"));
        }
    }

    @Test
    void aFailingProbeLeavesASampleWithTheErrorInsteadOfAGap() {
        try (TimelineSampler sampler = new TimelineSampler(GateClock.start(), t -> {
            throw new IllegalStateException("connection refused");
        })) {
            sampler.sampleNow();

            assertThat(sampler.samples())
                    .singleElement()
                    .satisfies(s -> assertThat(s).containsEntry("probe_error", "connection refused"));
        }
    }
}
