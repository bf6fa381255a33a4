package dev.relaygate.gates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class FleetTimelineTest {

    @Test
    void eachSampleGetsThePreviousSecondsClientP99AndASecondWithoutAnswersGetsNone() {
        GateClock clock = GateClock.start();
        long zero = System.nanoTime();
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // second 1 of the gate: answers of 10 ms, two of 400 ms; second 2: no answers at all
            long start = zero + 1_000_000_000L + i * 5_000_000L;
            observations.add(new Observation(start, 200, "blue", i >= 98 ? 400 : 10, true));
            observations.add(new Observation(start + 1_000_000_000L, 0, null, 0, true));
        }
        long offset = clock.msAt(zero);
        List<Map<String, Object>> samples = List.of(
                Map.<String, Object>of("t_ms", offset + 2_000, "green_weight", 10),
                Map.<String, Object>of("t_ms", offset + 3_000));

        List<Map<String, Object>> out = FleetTimeline.withClientP99(samples, observations, clock);

        assertThat(out.get(0)).containsEntry("green_weight", 10);
        assertThat((Double) out.get(0).get("client_p99_ms")).isBetween(399.0, 401.0);
        assertThat(out.get(1)).doesNotContainKey("client_p99_ms");
    }
}
