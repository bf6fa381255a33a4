package dev.relaygate.gates.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.Observation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FaultChecksTest {

    private static final FaultChecks CLAIM = new FaultChecks(0.01, 30_000, 30_000, 10_000);

    @Test
    void aRelayThatStopsSendingToGreenSixSecondsInPassesWithTheStopTime() {
        GateGreenTraffic traffic = new GateGreenTraffic(6_000);
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, traffic.observations, Observation::startNanos);

        assertThat(eval.failures()).isEmpty();
        assertThat(eval.measuredFigures())
                .containsEntry("stopped_sending_to_green_after_ms", 5_000.0)
                .containsEntry("stopped_sending_to_green", true);
    }

    @Test
    void aRelayStillSendingToGreenAtTheEndNeverStoppedAndFails() {
        GateGreenTraffic traffic = new GateGreenTraffic(30_000);
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, traffic.observations, Observation::startNanos);

        assertThat(eval.measuredFigures()).containsEntry("stopped_sending_to_green", false);
        assertThat(eval.measuredFigures().get("stopped_sending_to_green_after_ms"))
                .isNull();
        assertThat(eval.failures())
                .singleElement()
                .asString()
                .startsWith("stopped_sending_to_green was false")
                .contains("but it never did (10 answers from green to requests started in the last 10 s");
    }

    /** One request each 100 ms for 30 s (start ms in startNanos): every tenth to green until {@code greenUntilMs}. */
    private static final class GateGreenTraffic {
        final List<Observation> observations = new ArrayList<>();

        GateGreenTraffic(long greenUntilMs) {
            for (long t = 0; t < 30_000; t += 100) {
                boolean green = t % 1_000 == 0 && t < greenUntilMs;
                observations.add(new Observation(t, 200, green ? "green" : "blue", 5, true));
            }
        }
    }
}
