package dev.relaygate.gates.shadownoimpact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaygate.gates.GateEvaluation;
import dev.relaygate.gates.LatencyRecorder;
import org.junit.jupiter.api.Test;

final class ShadowNoImpactChecksTest {

    private static final ShadowNoImpactChecks CLAIM = new ShadowNoImpactChecks(50, 0.001, 1.0, 0.95);

    @Test
    void aShadowModeThatMirrorsEveryAnswerWithoutSlowingClientsPasses() {
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, new ShadowNoImpactChecks.Observed(latencies(20), latencies(22), 0, 3_200, 0, 3_205, 0));

        assertThat(eval.failures()).isEmpty();
    }

    @Test
    void aRelayThatMirrorsAlmostNothingFailsThoughTheOldOnePercentFloorWouldHavePassedIt() {
        // 40 copies of 3,200 answers: above the old max(10, 1% of requests) = 32, far below 95%
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, new ShadowNoImpactChecks.Observed(latencies(20), latencies(22), 0, 3_200, 0, 40, 0));

        assertThat(eval.failures())
                .containsExactly(
                        "green_requests_received was 40, below the minimum min_green_requests_received = 3040");
    }

    @Test
    void copiesTheRelayCountedAsDroppedAreNotExpected() {
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(
                eval, new ShadowNoImpactChecks.Observed(latencies(20), latencies(22), 0, 3_200, 1_200, 1_950, 0));

        assertThat(eval.failures()).isEmpty();
        assertThat(eval.thresholds()).containsEntry("min_green_requests_received", 1900.0);
    }

    @Test
    void shadowModeThatSlowsClientsFails() {
        GateEvaluation eval = new GateEvaluation();

        CLAIM.evaluate(eval, new ShadowNoImpactChecks.Observed(latencies(20), latencies(600), 0, 3_200, 0, 3_200, 0));

        assertThat(eval.failures()).singleElement().asString().startsWith("p99_increase_ms was 580");
    }

    private static LatencyRecorder latencies(long ms) {
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 0; i < 1_000; i++) {
            r.recordMillis(ms);
        }
        return r;
    }
}
